package cn.gz.youcheng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gz.youcheng.security.Role;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Enumerates every registered route, so that a new view cannot forget who may open it. */
@AdminTest
class AdminAccessTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    /** The officers these tests sign in as exist, as every signed-in officer does. */
    @BeforeEach
    void officers() {
        for (Role role : Role.values()) {
            jdbc.sql("""
                            insert into app_user (username, password_hash, role, created_at, password_changed_at)
                            select :username, '{argon2@SpringSecurity_v5_8}unusable', :role, now(), now()
                            where not exists (select 1 from app_user where username = :username)
                            """)
                    .param("username", role.name().toLowerCase() + ".test").param("role", role.name()).update();
        }
    }

    @Test
    void everyViewSaysWhoMayOpenIt() {
        assertThat(views()).isNotEmpty().allSatisfy(view -> assertThat(
                view.isAnnotationPresent(AnonymousAllowed.class) || view.isAnnotationPresent(PermitAll.class)
                        || view.isAnnotationPresent(RolesAllowed.class) || view.isAnnotationPresent(DenyAll.class))
                .as(view.getName()).isTrue());
    }

    @Test
    void everyAdminRouteSendsAnonymousVisitorsToSignIn() {
        List<Class<? extends Component>> admin = adminViews();
        assertThat(admin).hasSizeGreaterThanOrEqualTo(5);
        for (Class<? extends Component> view : admin) {
            UI.getCurrent().navigate(path(view));

            assertThat(NavigatorKt.getCurrentView().getSimpleName()).as(path(view)).isEqualTo("LoginView");
        }
    }

    @Test
    void administratorOnlyViewsRefuseEditors() {
        login("editor.test", Role.EDITOR);
        List<Class<? extends Component>> adminOnly = adminViews().stream()
                .filter(view -> view.isAnnotationPresent(RolesAllowed.class)
                        && !Arrays.asList(view.getAnnotation(RolesAllowed.class).value()).contains(Role.EDITOR_NAME))
                .toList();
        assertThat(adminOnly).extracting(Class::getSimpleName).contains("UsersView");
        for (Class<? extends Component> view : adminOnly) {
            // Vaadin refuses the navigation; karibu reports the refusal as an exception.
            assertThatThrownBy(() -> UI.getCurrent().navigate(path(view))).as(path(view))
                    .hasMessageContaining("Access is denied");
            assertThat(NavigatorKt.getCurrentView()).as(path(view)).isNotEqualTo(view);
        }
    }

    @Test
    void editorsOpenEveryViewThatNamesThem() {
        login("editor.test", Role.EDITOR);
        List<Class<? extends Component>> forEditors = adminViews().stream()
                .filter(view -> view.isAnnotationPresent(PermitAll.class) || (view.isAnnotationPresent(RolesAllowed.class)
                        && Arrays.asList(view.getAnnotation(RolesAllowed.class).value()).contains(Role.EDITOR_NAME)))
                .toList();
        assertThat(forEditors).extracting(Class::getSimpleName).contains("AgreementsView", "ImportView", "AuditLogView");
        for (Class<? extends Component> view : forEditors) {
            UI.getCurrent().navigate(path(view));

            assertThat(NavigatorKt.getCurrentView()).as(path(view)).isEqualTo(view);
        }
    }

    @Test
    void administratorsOpenEveryAdminView() {
        login("admin.test", Role.ADMIN);
        for (Class<? extends Component> view : adminViews()) {
            UI.getCurrent().navigate(path(view));

            assertThat(NavigatorKt.getCurrentView()).as(path(view)).isEqualTo(view);
        }
    }

    private static List<Class<? extends Component>> views() {
        return ROUTES.getRoutes().stream().filter(view -> view.isAnnotationPresent(Route.class)).toList();
    }

    private static List<Class<? extends Component>> adminViews() {
        return views().stream().filter(view -> path(view).startsWith("admin")).toList();
    }

    private static String path(Class<? extends Component> view) {
        return view.getAnnotation(Route.class).value();
    }
}

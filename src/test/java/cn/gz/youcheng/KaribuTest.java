package cn.gz.youcheng;

import cn.gz.youcheng.security.Role;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockRouteNotFoundError;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A browserless UI test: the real views, services and database, driven through karibu-testing. Subclasses
 * choose the database with {@link IntegrationTest} or {@link AdminTest}.
 */
public abstract class KaribuTest {

    protected static final Routes ROUTES = discoverRoutes();

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in as the sign-in form would: Spring's security context and the request's principal and roles. */
    protected static void login(String username, Role role) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.createAuthorityList("ROLE_" + role.name()));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, name) -> name.equals(role.name()));
    }

    /**
     * Views are package-private by design, and karibu's own discovery sees public classes only; so scan
     * with class visibility ignored, the way Vaadin's servlet initializer does.
     */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        Routes routes = new Routes();
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages(KaribuTest.class.getPackageName()).scan()) {
            scan.getClassesWithAnnotation(Route.class).loadClasses(Component.class)
                    .forEach(routes.getRoutes()::add);
            scan.getClassesWithAnnotation(Layout.class).loadClasses(Component.class)
                    .forEach(routes.getRoutes()::add);
            scan.getClassesImplementing(HasErrorParameter.class).loadClasses()
                    .forEach(type -> routes.getErrorRoutes().add((Class<? extends HasErrorParameter<?>>) type));
            // Our own not-found view answers unknown routes, as in the running application.
            routes.getErrorRoutes().remove(MockRouteNotFoundError.class);
        }
        return routes;
    }
}

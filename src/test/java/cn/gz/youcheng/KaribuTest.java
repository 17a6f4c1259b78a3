package cn.gz.youcheng;

import com.github.mvysny.kaributesting.v10.MockRouteNotFoundError;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A browserless UI test: the real views, services and database, driven through karibu-testing. */
@IntegrationTest
public abstract class KaribuTest {

    private static final Routes ROUTES = discoverRoutes();

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

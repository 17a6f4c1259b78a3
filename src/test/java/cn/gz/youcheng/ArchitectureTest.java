package cn.gz.youcheng;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/** Keeps the package-by-feature layout of docs/architecture.md. */
@AnalyzeClasses(packagesOf = Application.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewsUseServicesNotRepositories = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("..repository..");

    @ArchTest
    static final ArchRule repositoriesStayBehindRegistryServices = classes().that()
            .resideInAPackage("..registry.repository..")
            .should().onlyBeAccessed().byAnyPackage("..registry..");

    @ArchTest
    static final ArchRule accountsRepositoryStaysBehindSecurityServices = classes().that()
            .resideInAPackage("..security.repository..")
            .should().onlyBeAccessed().byAnyPackage("..security..");

    /** Repositories are used by services (which hold the transactions and the security) and start-up tasks only. */
    @ArchTest
    static final ArchRule repositoriesAreUsedByServicesOnly = classes().that().resideInAPackage("..repository..")
            .should().onlyBeAccessed().byClassesThat(DescribedPredicate.describe("services or start-up components",
                    (JavaClass user) -> user.isAnnotatedWith(Service.class) || user.isAnnotatedWith(Component.class)
                            || user.getPackageName().endsWith(".repository")));

    @ArchTest
    static final ArchRule servicesNeverDependOnViews = noClasses().that().areAnnotatedWith(Service.class)
            .should().dependOnClassesThat().resideInAPackage("..ui..");

    /**
     * Every service says who may call each of its public methods, on the class or the method: security is the
     * service's, never only a view's. Public reads say so too ({@code permitAll()}).
     */
    @ArchTest
    static final ArchRule servicesCarryTheirSecurity = classes().that().areAnnotatedWith(Service.class)
            .should(new ArchCondition<>("say who may call each public method (@PreAuthorize)") {
                @Override
                public void check(JavaClass service, ConditionEvents events) {
                    if (service.isAnnotatedWith(PreAuthorize.class)) {
                        return;
                    }
                    for (JavaMethod method : service.getMethods()) {
                        if (method.getModifiers().contains(JavaModifier.PUBLIC) && !method.isAnnotatedWith(PreAuthorize.class)) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                    + " has no @PreAuthorize, nor has its class"));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("cn.gz.youcheng.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewsArePackagePrivate = classes().that().areAnnotatedWith(Route.class)
            .or().areAnnotatedWith(Layout.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule uiPackagesAreNotUsedFromOutside = classes().that().resideInAPackage("..ui..")
            .should().onlyBeAccessed().byClassesThat().resideInAPackage("..ui..");
}

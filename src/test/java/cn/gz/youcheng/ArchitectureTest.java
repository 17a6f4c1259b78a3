package cn.gz.youcheng;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;

/** Keeps the package-by-feature layout of DESIGN.md. */
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
    static final ArchRule featuresHaveNoCycles = slices().matching("cn.gz.youcheng.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewsArePackagePrivate = classes().that().areAnnotatedWith(Route.class)
            .or().areAnnotatedWith(Layout.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule uiPackagesAreNotUsedFromOutside = classes().that().resideInAPackage("..ui..")
            .should().onlyBeAccessed().byClassesThat().resideInAPackage("..ui..");
}

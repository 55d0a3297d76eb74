package io.trainflow.plugin.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules the build checks, over every Trainflow class on the plugin's classpath (the plugin,
 * workflows and the connectors; tests and benchmarks excluded): the engine stays in its adapter, the sample
 * organisation stays in the demo's wiring. The lists of classes still allowed to break a rule name today's
 * exceptions one by one, so a new one fails the build; each says why it is there and where it should go.
 */
class ArchitectureTest {

    /** The only place the engine's own types may appear. */
    private static final String ADAPTER = "io.trainflow.workflows.engine.flowable..";

    /** The only place Camunda 8's client may appear: the engine-camunda module (and the plugin's one switch to it). */
    private static final String CAMUNDA_ADAPTER = "io.trainflow.engine.camunda..";

    private static final String[] ENGINES = {"org.flowable..", "io.camunda.."};

    /**
     * Still on Flowable's types outside the adapter: the lint, which reads the Zeebe dialect with Flowable's BPMN
     * model (it is the dialect, and belongs in the adapter with it). Intake starts processes through a port.
     */
    private static final String LINT = "io.trainflow.workflows.lint..";

    private static final String SAMPLE = "io.trainflow.connectors.sample..";

    /**
     * The demo profile's wiring: the classes that build or read the sample organisation today. The demo's own
     * package ({@code plugin.sample}) belongs here; the rest should get what they read through a port fed by the
     * database (groups, catalogue, reviewers) and leave this list.
     */
    private static final String DEMO = "io.trainflow.plugin.sample..";

    private static final Set<String> SAMPLE_WIRING = Set.of(
            "io.trainflow.plugin.config.EngineConfiguration",
            "io.trainflow.plugin.connect.Connections",
            "io.trainflow.plugin.connect.HcmPorts",
            "io.trainflow.plugin.cli.OfflineServerConfiguration",
            "io.trainflow.plugin.cli.LintCommand",
            "io.trainflow.plugin.security.SecurityConfiguration",
            "io.trainflow.plugin.quizzes.QuizReviewers",
            "io.trainflow.workflows.TrainflowPorts",
            "io.trainflow.workflows.templates.ElementTemplateGenerator");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // test code is out, also when it comes as a module's test jar (the OrangeHRM fixtures)
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.trainflow");
    }

    @Test
    void theEngineIsUsedOnlyInItsAdapter() {
        noClasses()
                .that(not(resideInAnyPackage(ADAPTER, LINT, CAMUNDA_ADAPTER)))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ENGINES)
                .because("only the engine adapter (" + ADAPTER
                        + ") may know the engine: the core and the REST face use ports")
                .check(classes);
    }

    @Test
    void camundaEightsClientIsUsedOnlyInItsAdapter() {
        // the Camunda 8 adapter is on the plugin's classpath, so this rule sees it
        assertThat(classes.contain("io.trainflow.engine.camunda.Camunda8Engine"))
                .isTrue();
        noClasses()
                .that(not(resideInAnyPackage(CAMUNDA_ADAPTER)))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.camunda..")
                .because("only the Camunda 8 adapter (" + CAMUNDA_ADAPTER + ") may know Camunda 8's client")
                .check(classes);
        noClasses()
                .that(resideInAnyPackage(CAMUNDA_ADAPTER))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.flowable..")
                .because("the Camunda 8 adapter runs without Flowable")
                .check(classes);
        // a bean naming an adapter class anywhere else stops the server from starting without the adapter's jars
        noClasses()
                .that()
                .resideInAPackage("io.trainflow.plugin..")
                .and(not(named(Set.of("io.trainflow.plugin.config.Camunda8Ports"))))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CAMUNDA_ADAPTER)
                .because("the server must start without the Camunda 8 adapter: only Camunda8Ports, skipped unless"
                        + " trainflow.engine=camunda8, may name it")
                .check(classes);
    }

    @Test
    void theSampleOrganisationIsUsedOnlyByTheDemoWiring() {
        noClasses()
                .that(not(resideInAnyPackage(SAMPLE, DEMO)).and(not(named(SAMPLE_WIRING))))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SAMPLE)
                .because("production must not run on the sample organisation: only the demo profile's wiring builds it")
                .check(classes);
    }

    @Test
    void theConnectorsDoNotDependOnTheCoreOrTheRestFace() {
        noClasses()
                .that()
                .resideInAPackage("io.trainflow.connectors..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.trainflow.workflows..", "io.trainflow.plugin..")
                .check(classes);
    }

    @Test
    void theModulesHaveNoCycles() {
        slices().matching("io.trainflow.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Classes named in a list, by their full name (a nested class goes with its outer class). */
    private static DescribedPredicate<JavaClass> named(Set<String> names) {
        return DescribedPredicate.describe(
                "one of " + names,
                c -> names.contains(c.getName()) || names.contains(c.getName().replaceFirst("\\$.*", "")));
    }
}

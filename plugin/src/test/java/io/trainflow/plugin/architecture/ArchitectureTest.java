package io.trainflow.plugin.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.regex.Pattern;
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

    /** The lint reads the Zeebe dialect with Flowable's BPMN model: it is the dialect, in the engine-flowable module. */
    private static final String LINT = "io.trainflow.workflows.lint..";

    /** The handler API (workflows/api): Trainflow's connector SDK. */
    private static final String HANDLER_API = "io.trainflow.workflows.api..";

    private static final String SAMPLE = "io.trainflow.connectors.sample..";

    /** The demo's wiring, the only production code that may build or read the sample organisation. */
    private static final String DEMO = "io.trainflow.plugin.sample..";

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

    /** By where the class comes from, not its package: a class put in the adapter's package elsewhere still fails. */
    @Test
    void flowableAppearsOnlyInTheEngineFlowableModule() {
        noClasses()
                .that(not(fromModule("engine-flowable")))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.flowable..")
                .because("only workflows/engine-flowable may import org.flowable")
                .check(classes);
    }

    @Test
    void camundaEightAppearsOnlyInTheEngineCamundaModule() {
        noClasses()
                .that(not(fromModule("engine-camunda")))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.camunda..")
                .because("only workflows/engine-camunda may import io.camunda")
                .check(classes);
    }

    @Test
    void theHandlerApiNeedsOnlyTheJdk() {
        assertThat(classes.contain("io.trainflow.workflows.api.StepHandler")).isTrue();
        classes()
                .that(fromModule("workflows-api"))
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jakarta.validation..", HANDLER_API)
                .because("a connector compiles against the handler API alone: no engine, Spring or Camel types")
                .check(classes);
        classes()
                .that()
                .resideInAPackage(HANDLER_API)
                .should(comeFrom("workflows-api"))
                .check(classes);
    }

    @Test
    void theCoreUsesNoEngineAdapterAndNoSample() {
        noClasses()
                .that(fromModule("workflows"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ADAPTER, LINT, CAMUNDA_ADAPTER, SAMPLE)
                .because("the core reaches the engine through its ports (io.trainflow.workflows.engine)")
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
                .that(not(resideInAnyPackage(SAMPLE, DEMO)))
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

    /**
     * Classes from one module, by their class file's location: {@code workflows/engine-flowable/target/classes} in the
     * reactor, {@code trainflow-engine-flowable-<version>.jar} from the repository or inside the server jar.
     */
    private static DescribedPredicate<JavaClass> fromModule(String module) {
        return DescribedPredicate.describe("from the " + module + " module", c -> inModule(c, module));
    }

    private static ArchCondition<JavaClass> comeFrom(String module) {
        return new ArchCondition<>("come from the " + module + " module") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!inModule(c, module)) {
                    events.add(SimpleConditionEvent.violated(
                            c,
                            c.getName() + " comes from "
                                    + c.getSource().map(s -> s.getUri().toString())));
                }
            }
        };
    }

    private static boolean inModule(JavaClass c, String module) {
        String folder = module.equals("workflows-api") ? "workflows/api" : module;
        Pattern location = Pattern.compile(
                "/" + Pattern.quote(folder) + "/target/classes/|/trainflow-" + Pattern.quote(module) + "-\\d");
        return c.getSource()
                .map(s -> location.matcher(s.getUri().toString()).find())
                .orElse(false);
    }

    /** Classes named in a list, by their full name (a nested class goes with its outer class). */
    private static DescribedPredicate<JavaClass> named(Set<String> names) {
        return DescribedPredicate.describe(
                "one of " + names,
                c -> names.contains(c.getName()) || names.contains(c.getName().replaceFirst("\\$.*", "")));
    }
}

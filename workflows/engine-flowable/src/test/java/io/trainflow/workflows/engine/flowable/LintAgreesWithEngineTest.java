package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.connector.rest.RestConnector;
import io.trainflow.workflows.lint.LintProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lint never accepts what later fails: every Camunda 8 model under camunda8/ (each accepted by Camunda's own
 * linter, run by tools/camunda-lint in CI) either deploys on the engine or is named by Trainflow's lint
 * with file, element id and reason. camunda8/refused holds what Trainflow cannot run yet.
 */
class LintAgreesWithEngineTest {

    @ParameterizedTest(name = "camunda8/{0}")
    @ValueSource(
            strings = {
                "deploy",
                "user-task",
                "tasks",
                "event-subprocess",
                "events",
                "multi-instance",
                "rest-connector",
                "external-form",
                "outputs",
                "feel-task-type",
                "feel-called-process",
                "binding/v1",
                "binding/v2",
                "escalation",
                "compensation",
                "escalation-feel",
                "execution-listeners",
                "task-listeners",
                "form-version-tag/v1",
                "form-version-tag/v2",
                "refused"
            })
    void whatLintPassesTheEngineDeploys(String feature) throws Exception {
        try (RestConnector rest = RestConnector.start();
                Camunda8Engine c8 = new Camunda8Engine(new TestSteps.Double(), new TestSteps.Check(), rest.handler())) {
            Path folder = Camunda8Engine.folder(feature);
            Set<String> linted = c8.engine.linter().lintPath(folder).stream()
                    .filter(LintProblem::refuses)
                    .map(p -> Path.of(p.file()).getFileName().toString())
                    .collect(Collectors.toSet());
            List<LintProblem> refused =
                    c8.engine.deployments().deployFolderEach(folder).refused();

            assertThat(refused)
                    .as("refused by the engine although lint passed them")
                    .allSatisfy(p -> assertThat(linted)
                            .contains(Path.of(p.file()).getFileName().toString()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "compensation.bpmn|on-undo, on-undo, undo|compensation",
                "listeners.bpmn|listeners, approve|not run yet",
                "rest-connector.bpmn|call-api|Camunda's REST connector (io.camunda:http-json:1) is not run by this engine"
            })
    void whatTrainflowCannotRunYetIsNamedWithElementAndReason(String file, String elements, String reason)
            throws Exception {
        try (Camunda8Engine c8 = new Camunda8Engine(new TestSteps.Double())) {
            List<LintProblem> problems =
                    c8.engine.linter().lintPath(Camunda8Engine.folder("refused").resolve(file));
            assertThat(problems).extracting(LintProblem::elementId).containsExactlyInAnyOrder(elements.split(",\\s*"));
            assertThat(problems).allSatisfy(p -> {
                assertThat(p.refuses()).isTrue();
                assertThat(p.message()).contains(reason);
            });
        }
    }
}

package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.around;
import static io.trainflow.workflows.lint.LintFolder.definitions;
import static io.trainflow.workflows.lint.LintFolder.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Called decisions and processes must exist in the files deployed together. */
class CrossFileReferenceLintTest {

    private static final String ROUTING_DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="routing" name="Routing" namespace="http://trainflow.io/dmn">
              <decision id="approval-routing" name="Approval routing">
                <decisionTable id="table" hitPolicy="FIRST">
                  <input id="cost" label="Cost"><inputExpression id="cost-expr" typeRef="number"><text>pathCost</text></inputExpression></input>
                  <output id="needs-ld" name="needsLdApproval" typeRef="boolean" />
                  <rule id="expensive"><inputEntry id="e1"><text>&gt; 1000</text></inputEntry><outputEntry id="e2"><text>true</text></outputEntry></rule>
                  <rule id="cheap"><inputEntry id="c1"><text>-</text></inputEntry><outputEntry id="c2"><text>false</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    private static final String APPROVAL_STEP = definitions("""
            <bpmn:process id="approval-step" isExecutable="true">
              <bpmn:startEvent id="start" />
              <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="end" />
              <bpmn:endEvent id="end" />
            </bpmn:process>
            """);

    @TempDir
    Path dir;

    private static String route(String decisionId) {
        return process(around("""
                <bpmn:businessRuleTask id="x" name="Decide route">
                  <bpmn:extensionElements>
                    <zeebe:calledDecision decisionId="%s" resultVariable="routing" />
                  </bpmn:extensionElements>
                </bpmn:businessRuleTask>
                """.formatted(decisionId)));
    }

    private static String call(String processId) {
        return process(around("""
                <bpmn:callActivity id="x" name="Manager approval">
                  <bpmn:extensionElements>
                    <zeebe:calledElement processId="%s" propagateAllChildVariables="false" />
                  </bpmn:extensionElements>
                </bpmn:callActivity>
                """.formatted(processId)));
    }

    @Test
    void businessRuleTaskWithUnknownDecisionId() {
        LintFolder folder = new LintFolder(dir)
                .write("approval-routing.dmn", ROUTING_DMN)
                .write("request.bpmn", route("approval-routng"));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "request.bpmn", "x", "decision 'approval-routng' is not in any .dmn file deployed with it"));
    }

    @Test
    void callActivityWithUnknownProcessIdInTheFolder() {
        LintFolder folder = new LintFolder(dir)
                .write("approval-step.bpmn", APPROVAL_STEP)
                .write("request.bpmn", call("aproval-step"));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "request.bpmn", "x", "called process 'aproval-step' is not defined in any .bpmn file here"));
    }

    @Test
    void knownDecisionAndProcessLintClean() {
        LintFolder folder = new LintFolder(dir)
                .write("approval-routing.dmn", ROUTING_DMN)
                .write("approval-step.bpmn", APPROVAL_STEP)
                .write("route.bpmn", route("approval-routing").replace("id=\"p\"", "id=\"route\""))
                .write("request.bpmn", call("approval-step"));

        assertThat(folder.lint()).isEmpty();
    }

    @Test
    void oneFileLintedAloneFindsWhatItCallsBesideIt() {
        LintFolder folder = new LintFolder(dir)
                .write("approval-routing.dmn", ROUTING_DMN)
                .write("approval-step.bpmn", APPROVAL_STEP)
                .write("route.bpmn", route("approval-routing").replace("id=\"p\"", "id=\"route\""))
                .write("request.bpmn", call("approval-step"));

        assertThat(folder.lint("request.bpmn")).isEmpty();
        assertThat(folder.lint("route.bpmn")).isEmpty();
    }

    @Test
    void oneFileLintedAloneStillReportsAnUnknownCall() {
        LintFolder folder = new LintFolder(dir)
                .write("approval-step.bpmn", APPROVAL_STEP)
                .write("request.bpmn", call("aproval-step"));

        assertThat(folder.lint("request.bpmn"))
                .containsExactly(folder.problem(
                        "request.bpmn", "x", "called process 'aproval-step' is not defined in any .bpmn file here"));
    }
}

package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.around;
import static io.trainflow.workflows.lint.LintFolder.process;
import static io.trainflow.workflows.lint.LintFolder.serviceTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every expression is FEEL that parses: conditions, mappings, assignments, timers. */
class FeelLintTest {

    @TempDir
    Path dir;

    private static String gatewayWithCondition(String condition) {
        return process("""
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="to-decision" sourceRef="start" targetRef="decision" />
                <bpmn:exclusiveGateway id="decision" default="otherwise" />
                <bpmn:sequenceFlow id="approved" sourceRef="decision" targetRef="end">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="otherwise" sourceRef="decision" targetRef="end" />
                <bpmn:endEvent id="end" />
                """.formatted(condition));
    }

    @Test
    void conditionThatDoesNotParse() {
        LintFolder folder =
                new LintFolder(dir).write("p.bpmn", gatewayWithCondition("=decision = = &quot;approve&quot;"));

        assertSingleProblem(
                folder, "approved", "condition FEEL expression 'decision = = \"approve\"' does not parse: ");
    }

    @Test
    void juelConditionIsNotFeel() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", gatewayWithCondition("${decision == 'approve'}"));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "p.bpmn", "approved", "condition '${decision == 'approve'}' is not FEEL: start it with '='"));
    }

    @Test
    void inputMappingSourceThatDoesNotParse() {
        LintFolder folder = new LintFolder(dir)
                .write(
                        "p.bpmn",
                        process(around(serviceTask(
                                "send-notification", "<zeebe:input source=\"=profile.\" target=\"recipient\" />"))));

        assertSingleProblem(folder, "x", "input 'recipient' FEEL expression 'profile.' does not parse: ");
    }

    @Test
    void assigneeThatDoesNotParse() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", process(around("""
                <bpmn:userTask id="x">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:assignmentDefinition assignee="=approver +" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """)));

        assertSingleProblem(folder, "x", "assignee FEEL expression 'approver +' does not parse: ");
    }

    @Test
    void timerExpressionThatDoesNotParse() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", process(around("""
                <bpmn:intermediateCatchEvent id="x">
                  <bpmn:timerEventDefinition>
                    <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=duration("P1D"</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                """)));

        assertSingleProblem(folder, "x", "timeDuration FEEL expression 'duration(\"P1D\"' does not parse: ");
    }

    private static void assertSingleProblem(LintFolder folder, String elementId, String reasonStart) {
        List<LintProblem> problems = folder.lint();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(folder.file("p.bpmn"));
            assertThat(problem.elementId()).isEqualTo(elementId);
            assertThat(problem.message()).startsWith(reasonStart).hasSizeGreaterThan(reasonStart.length());
        });
    }
}

package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every flow out of a deciding exclusive gateway has a condition, or is its default. */
class ExclusiveGatewayLintTest {

    @TempDir
    Path dir;

    private static String decision(String defaultFlow) {
        return process("""
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="to-decision" sourceRef="start" targetRef="decision" />
                <bpmn:exclusiveGateway id="decision" %s />
                <bpmn:sequenceFlow id="approved" sourceRef="decision" targetRef="end">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=decision = "approve"</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="rejected" sourceRef="decision" targetRef="end" />
                <bpmn:endEvent id="end" />
                """.formatted(defaultFlow));
    }

    @Test
    void flowWithoutConditionThatIsNotTheDefault() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", decision(""));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "p.bpmn",
                        "rejected",
                        "flow out of exclusive gateway 'decision' has no condition and is not its default flow"));
    }

    @Test
    void defaultFlowNeedsNoCondition() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", decision("default=\"rejected\""));

        assertThat(folder.lint()).isEmpty();
    }
}

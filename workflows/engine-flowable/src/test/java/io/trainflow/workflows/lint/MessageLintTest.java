package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.around;
import static io.trainflow.workflows.lint.LintFolder.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message catch needs a FEEL correlation key; messages are never thrown by events. */
class MessageLintTest {

    private static final String CATCH = """
            <bpmn:intermediateCatchEvent id="x" name="Training completed">
              <bpmn:messageEventDefinition messageRef="Message_completed" />
            </bpmn:intermediateCatchEvent>
            """;

    @TempDir
    Path dir;

    @Test
    void catchWithoutCorrelationKeyCouldNotBeMatchedToAnInstance() {
        LintFolder folder = new LintFolder(dir)
                .write(
                        "p.bpmn",
                        process(
                                around(CATCH),
                                "<bpmn:message id=\"Message_completed\" name=\"training-completed\" />"));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "p.bpmn",
                        "x",
                        "message 'training-completed' has no zeebe:subscription correlationKey,"
                                + " so Trainflow could not tell which instance a message is for"));
    }

    @Test
    void correlationKeyMustBeFeel() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", process(around(CATCH), """
                <bpmn:message id="Message_completed" name="training-completed">
                  <bpmn:extensionElements><zeebe:subscription correlationKey="requestId" /></bpmn:extensionElements>
                </bpmn:message>
                """));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "p.bpmn", "x", "correlationKey 'requestId' must be a FEEL expression starting with '='"));
    }

    @Test
    void catchWithFeelCorrelationKeyLintsClean() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", process(around(CATCH), """
                <bpmn:message id="Message_completed" name="training-completed">
                  <bpmn:extensionElements><zeebe:subscription correlationKey="=requestId" /></bpmn:extensionElements>
                </bpmn:message>
                """));

        assertThat(folder.lint()).isEmpty();
    }

    @Test
    void messageEndEventWithoutAJobWorkerWouldSendNothing() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", process("""
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="x" />
                <bpmn:endEvent id="x" name="Tell the LMS">
                  <bpmn:messageEventDefinition messageRef="Message_done" />
                </bpmn:endEvent>
                """, """
                <bpmn:message id="Message_done" name="done">
                  <bpmn:extensionElements><zeebe:subscription correlationKey="=requestId" /></bpmn:extensionElements>
                </bpmn:message>
                """));

        assertThat(folder.lint())
                .containsExactly(
                        folder.problem(
                                "p.bpmn",
                                "x",
                                "message end event has no zeebe:taskDefinition type: in Camunda 8 a job worker of that type sends the message"));
    }
}

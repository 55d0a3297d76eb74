package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.around;
import static io.trainflow.workflows.lint.LintFolder.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-instance runs over a FEEL inputCollection and collects no outputCollection. */
class MultiInstanceLintTest {

    @TempDir
    Path dir;

    private static String notifyEach(String loopCharacteristics) {
        return process(around("""
                <bpmn:serviceTask id="x" name="Notify each learner">
                  <bpmn:extensionElements>
                    <zeebe:taskDefinition type="send-notification" />
                  </bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics isSequential="false">
                    <bpmn:extensionElements>%s</bpmn:extensionElements>
                  </bpmn:multiInstanceLoopCharacteristics>
                </bpmn:serviceTask>
                """.formatted(loopCharacteristics)));
    }

    @Test
    void withoutInputCollection() {
        LintFolder folder = new LintFolder(dir)
                .write("p.bpmn", notifyEach("<zeebe:loopCharacteristics inputElement=\"recipient\" />"));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "p.bpmn", "x", "multi-instance needs zeebe:loopCharacteristics inputCollection"));
    }

    @Test
    void withOutputCollectionButNoOutputElement() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", notifyEach("""
                <zeebe:loopCharacteristics inputCollection="=employeeIds" inputElement="recipient"
                                           outputCollection="notifications" />
                """));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "p.bpmn", "x", "multi-instance outputCollection 'notifications' needs an outputElement"));
    }

    @Test
    void withOutputCollectionAndElementLintsClean() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", notifyEach("""
                <zeebe:loopCharacteristics inputCollection="=employeeIds" inputElement="recipient"
                                           outputCollection="notifications" outputElement="=notificationId" />
                """));

        assertThat(folder.lint()).isEmpty();
    }

    @Test
    void withInputCollectionOnlyLintsClean() {
        LintFolder folder = new LintFolder(dir)
                .write(
                        "p.bpmn",
                        notifyEach(
                                "<zeebe:loopCharacteristics inputCollection=\"=employeeIds\" inputElement=\"recipient\" />"));

        assertThat(folder.lint()).isEmpty();
    }
}

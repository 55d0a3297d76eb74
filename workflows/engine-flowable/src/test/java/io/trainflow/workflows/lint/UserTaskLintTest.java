package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.around;
import static io.trainflow.workflows.lint.LintFolder.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user task must reach somebody's inbox: one naming nobody goes to the default group. */
class UserTaskLintTest {

    @TempDir
    Path dir;

    @Test
    void userTaskWithNoAssignmentIsNotedAsOfferedToTheDefaultGroup() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", process(around("""
                <bpmn:userTask id="x" name="Approve">
                  <bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements>
                </bpmn:userTask>
                """)));

        assertThat(folder.lint())
                .containsExactly(new LintProblem(
                        folder.file("p.bpmn"),
                        "x",
                        "user task names no assignee or candidates: it is offered to group 'ld-team' (trainflow.unassigned-task-group)",
                        true));
    }

    @Test
    void candidateGroupsAloneAreEnough() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", process(around("""
                <bpmn:userTask id="x" name="Sign off">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:assignmentDefinition candidateGroups="ld-team" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """)));

        assertThat(folder.lint()).isEmpty();
    }
}

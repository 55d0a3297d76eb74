package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.around;
import static io.trainflow.workflows.lint.LintFolder.process;
import static io.trainflow.workflows.lint.LintFolder.serviceTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service task must name a task type that has a handler. */
class TaskTypeLintTest {

    @TempDir
    Path dir;

    @Test
    void typoInATaskTypeSuggestsTheClosestKnownType() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", process(around(serviceTask("hcm-load-profil", ""))));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "p.bpmn", "x", "task type 'hcm-load-profil' has no handler; did you mean 'hcm-load-profile'?"));
    }

    @Test
    void taskTypeUnlikeAnyKnownOneListsTheKnownTypes() {
        LintFolder folder = new LintFolder(dir).write("p.bpmn", process(around(serviceTask("crm-sync", ""))));

        assertThat(folder.lint())
                .containsExactly(
                        folder.problem(
                                "p.bpmn",
                                "x",
                                "task type 'crm-sync' has no handler; known types: hcm-load-profile, resolve-approver, send-notification"));
    }

    @Test
    void serviceTaskWithoutTaskDefinitionHasNoHandlerToRunIt() {
        LintFolder folder =
                new LintFolder(dir).write("p.bpmn", process(around("<bpmn:serviceTask id=\"x\" name=\"Load\" />")));

        assertThat(folder.lint())
                .containsExactly(folder.problem(
                        "p.bpmn", "x", "service task has no zeebe:taskDefinition type, so no handler can run it"));
    }

    @Test
    void knownTaskTypeLintsClean() {
        LintFolder folder = new LintFolder(dir)
                .write(
                        "p.bpmn",
                        process(around(serviceTask(
                                "hcm-load-profile", "<zeebe:input source=\"=requestedBy\" target=\"employeeId\" />"))));

        assertThat(folder.lint()).isEmpty();
    }
}

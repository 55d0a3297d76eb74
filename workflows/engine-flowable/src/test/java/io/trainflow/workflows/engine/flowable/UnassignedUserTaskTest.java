package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A user task that names nobody (Camunda 8: anyone may take it) is offered to the configured group, and lint notes it;
 * a form embedded in the process (zeebe:userTaskForm, Camunda 8.0-8.2) checks completions like a linked one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one engine: each test starts its own instances
class UnassignedUserTaskTest {

    private final Camunda8Engine c8 = new Camunda8Engine().deploy("user-task");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void isOfferedToTheDefaultGroupWhoseMembersComplete() {
        var instance = c8.start("unassigned", Map.of());
        UserTasks tasks = new UserTasks(
                c8.flowable, user -> user.equals("lena") ? java.util.Set.of("ld-team") : java.util.Set.of());

        assertThat(tasks.visibleTo("otto")).isEmpty();
        var task = tasks.visibleTo("lena");
        assertThat(task)
                .singleElement()
                .satisfies(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo("look"));
        tasks.complete("lena", task.get(0).getId(), Map.of());
        c8.run();
        assertThat(c8.ended(instance)).isTrue();
    }

    @Test
    void anEmbeddedFormChecksCompletionsAsALinkedOneDoes() {
        var instance = c8.start("embedded-form", Map.of());
        UserTasks tasks = new UserTasks(c8.flowable, user -> java.util.Set.of());
        var task = tasks.visibleTo("rob").stream()
                .filter(t -> t.getProcessInstanceId().equals(instance.getId()))
                .findFirst()
                .orElseThrow();

        assertThat(tasks.formOf(task))
                .hasValueSatisfying(form -> assertThat(form.id()).isEqualTo("rate-it"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> tasks.complete("rob", task.getId(), Map.of("score", 9)))
                .hasMessageContaining("score");
        tasks.complete("rob", task.getId(), Map.of("score", 4));
        c8.run();
        assertThat(c8.ended(instance)).isTrue();
    }

    @Test
    void lintSaysSoAsANoteNotAnError() throws Exception {
        var problems = new BpmnLinter(java.util.Set.of(), new Feel())
                .lintPath(Camunda8Engine.folder("user-task").resolve("unassigned.bpmn"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.refuses()).isFalse();
            assertThat(p.elementId()).isEqualTo("look");
            assertThat(p.toString())
                    .endsWith("note: user task names no assignee or candidates:"
                            + " it is offered to group 'ld-team' (trainflow.unassigned-task-group)");
        });
    }
}

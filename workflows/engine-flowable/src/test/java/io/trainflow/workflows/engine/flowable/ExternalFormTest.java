package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A user task whose form lives outside Trainflow (zeebe:formDefinition externalReference): as in Camunda 8, its
 * completion's values are taken as they come (the external application checks them); lint says so with a note.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalFormTest {

    private final Camunda8Engine c8 = new Camunda8Engine().deploy("external-form");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void theCompletionOfATaskWithAnExternalFormSetsItsValues() {
        var instance = c8.start("external-form", Map.of());
        var task = c8.flowable
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();

        new UserTasks(c8.flowable, user -> Set.of()).complete("lena", task.getId(), Map.of("decision", "book"));
        c8.run();

        assertThat(c8.endActivity(instance)).isEqualTo("booked");
    }

    @Test
    void lintNotesThatTheFormIsExternal() throws Exception {
        assertThat(new BpmnLinter(Set.of(), new Feel()).lintPath(Camunda8Engine.folder("external-form")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.refuses()).isFalse();
                    assertThat(p.elementId()).isEqualTo("decide");
                    assertThat(p.message()).contains("completions are not checked against one");
                });
    }
}

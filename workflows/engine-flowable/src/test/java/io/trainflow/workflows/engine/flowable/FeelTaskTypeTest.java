package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import io.trainflow.workflows.lint.LintProblem;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A task type given as FEEL (camunda8/feel-task-type): evaluated as the task is reached, as in Camunda 8. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeelTaskTypeTest {

    private final Camunda8Engine c8 = new Camunda8Engine(new TestSteps.Double()).deploy("feel-task-type");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void theTaskTypeIsComputedWhenTheTaskIsReachedAndItsHandlerRuns() {
        var instance = c8.start("computed-type", Map.of("kind", "double", "value", 21, "urgent", false));

        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.variables(instance)).containsEntry("result", 42L);
    }

    @Test
    void lintNotesThatTheTypeIsKnownOnlyAtRunTime() throws Exception {
        assertThat(new BpmnLinter(Set.of("test-double"), new Feel()).lintPath(Camunda8Engine.folder("feel-task-type")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.refuses()).isFalse();
                    assertThat(p.elementId()).isEqualTo("work");
                    assertThat(p.message()).contains("computed when the task is reached");
                });
    }

    @Test
    void lintDoesNotRefuseATypeOnlyTheRunKnows() throws Exception {
        assertThat(new BpmnLinter(Set.of(), new Feel()).lintPath(Camunda8Engine.folder("feel-task-type")))
                .filteredOn(LintProblem::refuses)
                .isEmpty();
    }
}

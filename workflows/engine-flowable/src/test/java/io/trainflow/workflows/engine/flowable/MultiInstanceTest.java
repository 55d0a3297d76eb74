package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Multi-instance outputCollection/outputElement and completionCondition (camunda8/multi-instance). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one engine: each test starts its own instances
class MultiInstanceTest {

    private final Camunda8Engine c8 = new Camunda8Engine().deploy("multi-instance");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void outputCollectionHoldsEachOutputElementInInputOrderAndTheCompletionConditionEndsTheRest() {
        var instance =
                c8.start("collect", Map.of("items", List.of(3, 1, 2), "reviewers", List.of("ann", "bob", "cid")));
        assertThat(c8.flowable.getRuntimeService().getVariable(instance.getId(), "tenfold"))
                .isEqualTo(List.of(30L, 10L, 20L));

        var reviews = c8.flowable
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .orderByTaskAssignee()
                .asc()
                .list();
        assertThat(reviews).extracting(t -> t.getAssignee()).containsExactly("ann", "bob", "cid");
        complete(reviews.get(0).getId(), "ann");
        assertThat(c8.ended(instance)).isFalse();
        complete(reviews.get(2).getId(), "cid");
        assertThat(c8.ended(instance))
                .as("numberOfCompletedInstances >= 2: bob's review is no longer needed")
                .isTrue();
    }

    @Test
    void loopCounterStartsAtOneInParallelAndInSequenceAsInCamunda8() {
        var instance = c8.start("loop-counter", Map.of("items", List.of("a", "b", "c")));

        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.variables(instance))
                .containsEntry("parallelPositions", List.of("a#1", "b#2", "c#3"))
                .containsEntry("sequentialPositions", List.of(1L, 2L, 3L));
    }

    @Test
    void lintAcceptsThem() throws Exception {
        assertThat(new BpmnLinter(Set.of(), new Feel()).lintPath(Camunda8Engine.folder("multi-instance")))
                .isEmpty();
    }

    private void complete(String taskId, String user) {
        new UserTasks(c8.flowable, u -> Set.of()).complete(user, taskId, Map.of());
        c8.run();
    }
}

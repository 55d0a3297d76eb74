package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Camunda 8's other task kinds (camunda8/tasks): send tasks, message throw and end events, job-worker script
 * and business rule tasks run as jobs for their type's worker; a receive task waits for its message by name
 * and correlation key; a FEEL script task sets its result variable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one engine: each test starts its own instances
class TaskKindsTest {

    private final Camunda8Engine c8 = new Camunda8Engine(new TestSteps.Double()).deploy("tasks");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void sendTaskMessageThrowAndMessageEndEventAreJobsForTheirWorkers() {
        var instance = c8.start("send-and-throw", Map.of("n", 1));
        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.variables(instance))
                .containsEntry("sent", 2L)
                .containsEntry("announced", 4L)
                .containsEntry("notified", 8L);
        assertThat(c8.path(instance))
                .containsExactly("start", "f1", "send-offer", "f2", "announce", "f3", "notify-end");
    }

    @Test
    void receiveTaskTakesOnlyTheMessageWithItsCorrelationKey() {
        var first = c8.start("receive-task", Map.of("orderId", "A-1"));
        var second = c8.start("receive-task", Map.of("orderId", "B-2"));

        assertThat(c8.engine.messages().publish("payment-received", "A-1", Map.of("amount", 30)))
                .isEqualTo(1);
        c8.run();
        assertThat(c8.ended(first)).isTrue();
        assertThat(c8.endActivity(first)).isEqualTo("paid");
        assertThat(c8.variables(first)).containsEntry("amount", 30);
        assertThat(c8.ended(second)).isFalse();

        c8.advance(Duration.ofMinutes(61));
        assertThat(c8.endActivity(second))
                .as("its boundary timer was active while it waited")
                .isEqualTo("unpaid");
    }

    @Test
    void feelScriptSetsItsResultVariableAndWorkerScriptAndRuleTasksAreJobs() {
        var instance = c8.start("script-tasks", Map.of("items", List.of(Map.of("price", 10), Map.of("price", 5))));
        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.variables(instance))
                .containsEntry("total", 15L)
                .containsEntry("doubled", 30L)
                .containsEntry("ruled", 60L);
    }

    @Test
    void anUndefinedTaskPassesThroughAndDataObjectsAndStoresAreIgnored() {
        var instance = c8.start("placeholders", Map.of());
        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.path(instance)).containsExactly("start", "f1", "think", "f2", "end");
        assertThat(c8.variables(instance)).doesNotContainKey("notes");
    }

    @Test
    void lintAcceptsThemAll() throws Exception {
        assertThat(new BpmnLinter(Set.of("test-double"), new Feel()).lintPath(Camunda8Engine.folder("tasks")))
                .isEmpty();
    }
}

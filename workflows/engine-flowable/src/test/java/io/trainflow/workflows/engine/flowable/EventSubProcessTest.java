package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Event sub-processes (camunda8/event-subprocess) as Camunda 8 runs them: a non-interrupting message start
 * runs once per message (by correlation key) beside the main flow; a non-interrupting timer cycle repeats;
 * an interrupting timer ends the main flow; an error start catches a job's business error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one engine: each test starts its own instances
class EventSubProcessTest {

    private final Camunda8Engine c8 = new Camunda8Engine(new TestSteps.Check()).deploy("event-subprocess");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void nonInterruptingMessagesAndTimersRunBesideTheMainFlowAndTheInterruptingTimerEndsIt() {
        var instance = c8.start("reminders", Map.of("reviewId", "R-1"));
        var other = c8.start("reminders", Map.of("reviewId", "R-2"));

        assertThat(c8.engine.messages().publish("comment-added", "R-1", Map.of()))
                .isEqualTo(1);
        assertThat(c8.engine.messages().publish("comment-added", "R-1", Map.of()))
                .isEqualTo(1);
        c8.run();
        assertThat(c8.flowable.getRuntimeService().getVariable(instance.getId(), "comments"))
                .isEqualTo(2L);
        assertThat(c8.flowable.getRuntimeService().getVariable(other.getId(), "comments"))
                .isNull();
        assertThat(c8.flowable
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .as("the review is still open")
                .isEqualTo(1);

        c8.advance(Duration.ofHours(25));
        assertThat(c8.path(instance)).containsOnlyOnce("nudged");
        c8.advance(Duration.ofHours(24));
        assertThat(c8.ended(instance)).isTrue();
        assertThat(c8.path(instance)).contains("deadline", "expired").doesNotContain("reviewed");
    }

    @Test
    void anErrorStartCatchesAJobsBusinessError() {
        var big = c8.start("on-error", Map.of("n", 500));
        var small = c8.start("on-error", Map.of("n", 5));
        assertThat(c8.path(big)).contains("too-big", "refused").doesNotContain("fine");
        assertThat(c8.endActivity(small)).isEqualTo("fine");
        assertThat(c8.engine.incidents().list()).isEmpty();
    }

    @Test
    void lintAcceptsThem() throws Exception {
        assertThat(new BpmnLinter(Set.of("test-check"), new Feel()).lintPath(Camunda8Engine.folder("event-subprocess")))
                .isEmpty();
    }
}

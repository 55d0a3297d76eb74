package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Compensation (camunda8/compensation) as Camunda 8 documents it: a compensation throw event invokes, all at
 * once, the handlers of the completed activities of its scope (with activityRef: of that activity only), never
 * those of an activity still active, each once; it stays active until every handler it invoked has completed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompensationTest {

    private final Camunda8Engine c8 = new Camunda8Engine(new TestSteps.Double()).deploy("compensation");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void theThrowEventWaitsUntilEveryHandlerItInvokedHasCompleted() {
        ProcessInstance trip = c8.start("trip", Map.of("value", 1));

        assertThat(c8.variables(trip)).as("the job-worker handler ran").containsEntry("flightCancelled", true);
        assertThat(c8.ended(trip))
                .as("waiting at the throw event for the person cancelling the hotel")
                .isFalse();
        assertThat(c8.path(trip))
                .contains("undo-all", "cancel-flight", "cancel-hotel")
                .doesNotContain("end");

        complete(trip, "cancel-hotel");

        assertThat(c8.ended(trip)).isTrue();
        assertThat(c8.path(trip)).endsWith("f4", "end");
    }

    @Test
    void onlyCompletedActivitiesAreCompensatedEachOnceAndActivityRefNamesOne() {
        ProcessInstance partial = c8.start("partial-undo", Map.of("value", 1));

        assertThat(c8.variables(partial))
                .as("activityRef: the flight only; the seat is still being picked")
                .containsEntry("flightCancellations", 1L)
                .doesNotContainKeys("hotelCancelled", "seatReleased");

        complete(partial, "pick-seat"); // then the compensation end event undoes the rest of the scope

        assertThat(c8.ended(partial)).isTrue();
        assertThat(c8.variables(partial))
                .containsEntry("hotelCancelled", true)
                .containsEntry("seatReleased", true)
                .as("the flight was compensated once already")
                .containsEntry("flightCancellations", 1L);
    }

    @Test
    void lintAcceptsThem() throws Exception {
        assertThat(new BpmnLinter(Set.of("test-double"), new Feel()).lintPath(Camunda8Engine.folder("compensation")))
                .filteredOn(p -> p.refuses())
                .isEmpty();
    }

    private void complete(ProcessInstance instance, String taskId) {
        var task = c8.flowable
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskId)
                .singleResult();
        new UserTasks(c8.flowable, user -> Set.of()).complete("lena", task.getId(), Map.of());
        c8.run();
    }
}

package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** After the training, the manager's behaviour follow-ups come at 30, 60 and 90 days: not a day early. */
class FollowUpScheduleTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void followUpsFallDueThirtyDaysApart() {
        String request = life.request("alice.martin", "1004", "Automate reports", List.of());
        life.approve("sophie.laurent", request);
        life.learnerCompletesNextCourse("alice.martin");
        life.learnerCompletesNextCourse("alice.martin");
        assertThat(life.variables(request)).containsEntry("trainingStatus", "completed");

        for (int day : new int[] {30, 60, 90}) {
            String followUp = "follow-up-" + day;
            life.advance(Duration.ofDays(29));
            assertThat(followUps()).as("%s not after 29 days", followUp).isEmpty();
            life.advance(Duration.ofHours(23));
            assertThat(followUps()).as("%s not an hour early", followUp).isEmpty();
            life.advance(Duration.ofHours(1));

            Task task = life.task("sophie.laurent", followUp, request);
            assertThat(task.getAssignee()).isEqualTo("sophie.laurent");
            life.complete("sophie.laurent", task, Map.of("behaviourScore", day / 30 + 2, "observation", "day " + day));
        }

        assertThat(life.endedAt(request)).isEqualTo("completed");
        assertThat(life.outcome(request)).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo("completed");
            assertThat((List<?>) o.followUps())
                    .map(f -> ((Number) ((Map<?, ?>) f).get("day")).intValue())
                    .containsExactly(30, 60, 90);
        });
    }

    private List<String> followUps() {
        return life.flowable().getTaskService().createTaskQuery().taskDefinitionKeyLike("follow-up-%").list().stream()
                .map(Task::getTaskDefinitionKey)
                .toList();
    }
}

package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** zeebe:taskSchedule and zeebe:priorityDefinition reach the inbox: earliest due first, then highest priority. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one engine: each test starts its own instances
class TaskScheduleTest {

    private final Camunda8Engine c8 = new Camunda8Engine().deploy("user-task");

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void dueDatesFollowUpAndPriorityAreSetAndOrderTheInbox() {
        var instance = c8.start("schedule", Map.of("urgency", 80));
        UserTasks tasks = new UserTasks(c8.flowable, user -> Set.of("ld-team"));

        var inbox =
                tasks.visibleQuery("lena").processInstanceId(instance.getId()).list();
        assertThat(inbox).extracting(t -> t.getTaskDefinitionKey()).containsExactly("urgent", "later", "whenever");
        assertThat(inbox.get(0).getDueDate()).isEqualTo(Date.from(Camunda8Engine.T0.plus(Duration.ofHours(3))));
        assertThat(inbox.get(0).getPriority()).isEqualTo(80);
        assertThat(inbox.get(1).getDueDate()).isEqualTo(Date.from(Camunda8Engine.T0.plus(Duration.ofDays(3))));
        assertThat(inbox.get(1).getPriority()).isEqualTo(20);
        assertThat(c8.flowable.getTaskService().getVariableLocal(inbox.get(1).getId(), TaskSchedule.FOLLOW_UP))
                .isEqualTo(Date.from(Camunda8Engine.T0.plus(Duration.ofDays(1))));
        assertThat(inbox.get(2).getDueDate()).isNull();
        assertThat(inbox.get(2).getPriority()).isEqualTo(90);
    }
}

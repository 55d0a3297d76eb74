package io.trainflow.plugin.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.engine.InboxTask;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.engine.flowable.FlowableUserTasks;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inbox shows due dates and priorities from zeebe:taskSchedule/priorityDefinition, due first, and marks overdue. */
class InboxScheduleTest {

    private final EngineClock clock = new EngineClock();
    private final TrainflowEngine engine;

    InboxScheduleTest() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        engine = TrainflowEngine.builder()
                .jdbcUrl("jdbc:h2:mem:inbox-schedule-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .clock(clock)
                .background(false)
                .build();
        engine.deployments().deployFolder(Path.of("src/test/resources/inbox-schedule"));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void earliestDueFirstThenPriorityAndOverdueOnTheEnginesClock() {
        engine.flowable().getRuntimeService().startProcessInstanceByKey("schedule", Map.of("urgency", 80));
        engine.driver().runUntilIdle();
        TaskInbox inbox = new TaskInbox(
                new FlowableUserTasks(engine, user -> Set.of("ld-team")),
                org.mockito.Mockito.mock(io.trainflow.plugin.access.AccessAudit.class)); // pages only: nothing to audit

        var page = inbox.page("lena", 0, 10).tasks();
        assertThat(page).extracting(InboxTask::elementId).containsExactly("urgent", "later", "whenever");
        assertThat(page).extracting(InboxTask::priority).containsExactly(80, 20, 90);
        assertThat(page.get(0).dueDate()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
        assertThat(page.get(1).followUpDate()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(page).extracting(InboxTask::overdue).containsOnly(false);

        clock.advance(Duration.ofHours(4));
        assertThat(inbox.page("lena", 0, 10).tasks())
                .extracting(InboxTask::overdue)
                .containsExactly(true, false, false);
    }
}

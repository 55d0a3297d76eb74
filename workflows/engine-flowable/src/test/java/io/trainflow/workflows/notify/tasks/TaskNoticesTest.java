package io.trainflow.workflows.notify.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.task.api.Task;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine writes the outbox as it creates a user task, in that transaction: the person it goes to for a new task,
 * again (as an escalation) when the task's interrupting timer ends it and the task comes back, and for a group task
 * its members, never the requester.
 */
class TaskNoticesTest {

    private final EngineClock clock = new EngineClock();
    private TrainflowEngine engine;
    private Outbox outbox;

    @BeforeEach
    void start() throws Exception {
        String url = "jdbc:h2:mem:task-notices-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        outbox = new Outbox(dataSource);
        Directory directory = Directory.of(Map.of("reviewers", List.of("rita", "rex")));
        engine = TrainflowEngine.builder()
                .dataSource(dataSource)
                .handlers(new HandlerRegistry(List.of()))
                .directory(directory)
                .clock(clock)
                .taskNotifier(new OutboxTaskNotifier(directory, clock))
                .background(false)
                .build();
        engine.deployments().deployFolder(Path.of("src/test/resources/notices"));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private Task open(String processInstanceId) {
        return engine.flowable()
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
    }

    @Test
    void aNewTaskAndItsEscalationAreNoticedForWhoMayAct() {
        String id = engine.flowable()
                .getRuntimeService()
                .startProcessInstanceByKey(
                        "notice-escalation", Map.of("approver", "ann", "requestedBy", "bob", "requestId", "REQ-1"))
                .getId();
        engine.driver().runUntilIdle();
        Task first = open(id);
        Outbox.Entry created = outbox.byKey("created:" + first.getId() + ":ann").orElseThrow();
        assertThat(created.requestId()).isEqualTo("REQ-1");
        assertThat(created.state()).isEqualTo(Outbox.PENDING);

        clock.advance(Duration.ofHours(2));
        engine.driver().runUntilIdle();
        Task again = open(id);
        assertThat(again.getId()).isNotEqualTo(first.getId());
        assertThat(outbox.byKey("escalated:" + again.getId() + ":ann")).isPresent();
        assertThat(outbox.byKey("created:" + again.getId() + ":ann")).isEmpty();
    }

    @Test
    void aGroupTaskIsNoticedForItsMembersButNeverTheRequester() {
        String id = engine.flowable()
                .getRuntimeService()
                .startProcessInstanceByKey("notice-group", Map.of("requestedBy", "rita"))
                .getId();
        engine.driver().runUntilIdle();
        Task review = open(id);
        assertThat(outbox.byKey("created:" + review.getId() + ":rex")).isPresent();
        assertThat(outbox.byKey("created:" + review.getId() + ":rita")).isEmpty();
    }
}

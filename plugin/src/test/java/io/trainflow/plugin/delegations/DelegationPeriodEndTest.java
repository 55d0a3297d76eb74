package io.trainflow.plugin.delegations;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.delegation.Delegation;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.InboxFilter;
import io.trainflow.workflows.engine.InboxTask;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.engine.flowable.FlowableUserTasks;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.notify.tasks.TaskNotifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.task.Comment;
import org.flowable.task.api.Task;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The end of a delegation's period, on the engine's clock in the test's hand: Marc is away for a day with Louis as his
 * deputy; his open approvals go to Louis when the day starts and, those Louis has not decided, back to Marc when it
 * ends, each move audited and in the task's trail; the inbox follows.
 */
class DelegationPeriodEndTest {

    private static final String MARC = "marc.bernard";
    private static final String LOUIS = "louis.garnier";

    private final EngineClock clock = new EngineClock();
    private TrainflowEngine engine;
    private ProcessEngine flowable;
    private TrainflowPorts ports;
    private AccessAudit audit;
    private DelegationPeriods periods;
    private FlowableUserTasks inbox;

    @BeforeEach
    void start() throws Exception {
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:delegation-period-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Directory directory = Directory.of(Map.of());
        engine = TrainflowEngine.builder()
                .dataSource(db)
                .handlers(new HandlerRegistry(List.of()))
                .directory(directory)
                .clock(clock)
                .background(false)
                .build();
        flowable = engine.flowable();
        engine.deployments().deployFolder(Path.of("src/test/resources/delegation-period"));
        ports = Sample.ports(SampleOrganisation.fromClasspath(), clock);
        audit = new AccessAudit(db);
        periods = new DelegationPeriods(
                ports,
                audit,
                new io.trainflow.workflows.engine.flowable.OpenApprovals(engine, directory, TaskNotifier.NONE));
        inbox = new FlowableUserTasks(engine, directory);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void whatTheDeputyHasNotDecidedGoesBackWhenThePeriodEnds() {
        String waiting = approval("REQ-1", "hugo.roux");
        String decided = approval("REQ-2", "ella.lefebvre");
        Instant from = clock.instant().plus(Duration.ofHours(1));
        ports.delegations()
                .save(new Delegation(
                        UUID.randomUUID().toString(),
                        MARC,
                        LOUIS,
                        from,
                        from.plus(Duration.ofDays(1)),
                        "training course"));

        periods.runOnce();
        assertThat(assignee(waiting)).as("before the period").isEqualTo(MARC);

        clock.advance(Duration.ofHours(2));
        periods.runOnce();
        assertThat(assignee(waiting)).isEqualTo(LOUIS);
        assertThat(inbox.page(LOUIS, 0, 10, InboxFilter.NONE).tasks())
                .extracting(t -> t.context().get("approverOnBehalfOf"))
                .containsOnly(MARC);
        inbox.complete(LOUIS, decided, Map.of());

        clock.advance(Duration.ofHours(12));
        periods.runOnce();
        assertThat(assignee(waiting)).as("still within the period").isEqualTo(LOUIS);

        clock.advance(Duration.ofHours(12)); // an hour after the period's end
        periods.runOnce();
        assertThat(assignee(waiting)).isEqualTo(MARC);
        assertThat(flowable.getTaskService().getVariableLocal(waiting, "approverOnBehalfOf"))
                .isNull();
        assertThat(inbox.page(LOUIS, 0, 10, InboxFilter.NONE).tasks()).isEmpty();
        List<InboxTask> marcs = inbox.page(MARC, 0, 10, InboxFilter.NONE).tasks();
        assertThat(marcs).extracting(InboxTask::id).containsExactly(waiting);
        assertThat(marcs.get(0).context()).doesNotContainKey("approverOnBehalfOf");
        assertThat(audit.read(MARC, waiting, 0, 10))
                .extracting(AccessAudit.Entry::action)
                .containsExactlyInAnyOrder("task-to-deputy", "task-back");
        assertThat(flowable.getTaskService().getTaskComments(waiting, "delegation"))
                .extracting(Comment::getFullMessage)
                .anySatisfy(text -> assertThat(text).startsWith("moved from " + MARC + " to deputy " + LOUIS))
                .anySatisfy(text -> assertThat(text)
                        .isEqualTo("back from deputy " + LOUIS + " to " + MARC + ": delegation removed"));
        assertThat(flowable.getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .taskId(decided)
                        .singleResult()
                        .getAssignee())
                .as("what Louis decided stays decided by him")
                .isEqualTo(LOUIS);

        periods.runOnce(); // once more: nothing moves twice
        assertThat(audit.read(MARC, waiting, 0, 10)).hasSize(2);
    }

    private String approval(String requestId, String learner) {
        String id = flowable.getRuntimeService()
                .startProcessInstanceByKey(
                        "delegation-period",
                        requestId,
                        Map.of(
                                "requestId",
                                requestId,
                                "approver",
                                MARC,
                                "requestedBy",
                                learner,
                                "profile",
                                Map.of("username", learner)))
                .getId();
        engine.driver().runUntilIdle();
        Task task = flowable.getTaskService()
                .createTaskQuery()
                .processInstanceId(id)
                .singleResult();
        return task.getId();
    }

    private String assignee(String taskId) {
        return flowable.getTaskService()
                .createTaskQuery()
                .taskId(taskId)
                .singleResult()
                .getAssignee();
    }
}

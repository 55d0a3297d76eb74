package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.InboxFilter;
import io.trainflow.workflows.engine.InboxPage;
import io.trainflow.workflows.engine.InboxTask;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.engine.ProcessEngine;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox list comes from the inbox facts in one query, and shows exactly the tasks the one-by-one check
 * (every task's variables through separation of duties) shows, in the same order, page by page: after a task is
 * created, claimed and given back, delegated and returned, after a decision changes who may decide, and after a
 * task is completed, cancelled by its timer or withdrawn with its request (its facts go with it).
 */
class InboxFactsTest {

    private static final List<String> PEOPLE = List.of("mia", "leo", "lena", "rita", "nora", "max");

    private final Directory directory = Directory.of(Map.of("ld-team", List.of("mia", "leo", "lena", "rita")));
    private final EngineClock clock = new EngineClock();
    private TrainflowEngine engine;
    private ProcessEngine flowable;
    private FlowableUserTasks port;

    @BeforeEach
    void start() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        engine = TrainflowEngine.builder()
                .jdbcUrl("jdbc:h2:mem:inbox-facts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .handlers(new HandlerRegistry(List.of()))
                .directory(directory)
                .clock(clock)
                .background(false)
                .build();
        flowable = engine.flowable();
        engine.deployments().deployFolder(Path.of("src/test/resources/inbox-facts"));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void theListComesFromTheFactsAndIsExactlyAsStrictAsTheOneByOneCheck() throws Exception {
        String a = request("R-1", "rita", "lena", "sales", "mia", 1200);
        port = new FlowableUserTasks(engine, directory); // a's tasks were made before: their facts are written now
        String b = request("R-2", "leo", "nora", "hr", "max", 300.5);
        sameAsOneByOne();

        // rita revises her own request (hers by name, it decides nothing) but never sees its L&D approval
        assertThat(rows("rita"))
                .extracting(t -> t.requestId() + "/" + t.elementId())
                .containsExactlyInAnyOrder("R-1/revise", "R-2/approve-ld");
        assertThat(rows("lena"))
                .extracting(t -> t.requestId() + "/" + t.elementId())
                .containsExactly("R-2/approve-ld");
        assertThat(rows("leo"))
                .extracting(t -> t.requestId() + "/" + t.elementId())
                .containsExactlyInAnyOrder("R-1/approve-ld", "R-2/revise");

        InboxTask approval = rows("mia").stream()
                .filter(t -> t.elementId().equals("approve-manager"))
                .findFirst()
                .orElseThrow();
        assertThat(approval.employee())
                .containsEntry("displayName", "Name of lena")
                .containsEntry("department", "sales");
        assertThat(approval.context())
                .containsEntry("pathCost", 1200L)
                .containsEntry("requestedBy", "rita")
                .containsEntry("level", "ld")
                .doesNotContainKey("approverOnBehalfOf");
        assertThat(approval.dueDate()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(rows("max"))
                .singleElement()
                .satisfies(t -> assertThat(t.context()).containsEntry("pathCost", 300.5));
        assertThat(rows("leo").stream()
                        .filter(t -> t.elementId().equals("approve-ld"))
                        .findFirst()
                        .orElseThrow()
                        .candidateGroups())
                .containsExactly("ld-team");

        assertThat(port.page("mia", 0, 10, new InboxFilter(null, null, "sales", null, null))
                        .tasks())
                .extracting(InboxTask::requestId)
                .containsOnly("R-1")
                .hasSize(2);
        assertThat(port.page("mia", 0, 10, new InboxFilter(null, null, null, null, "OF NORA"))
                        .tasks())
                .extracting(t -> t.requestId() + "/" + t.elementId())
                .containsExactly("R-2/approve-ld");
        assertThat(port.page("mia", 0, 10, new InboxFilter("approve-manager", null, null, null, null))
                        .tasks())
                .extracting(InboxTask::requestId)
                .containsExactly("R-1");

        // a task whose facts are missing is checked one by one: still exactly as strict
        try (Connection connection =
                        flowable.getProcessEngineConfiguration().getDataSource().getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM tf_inbox_fact WHERE process_instance_id = ?")) {
            delete.setString(1, a);
            delete.executeUpdate();
        }
        sameAsOneByOne();
        assertThat(b).isNotNull();
    }

    @Test
    void theFactsFollowClaimsDelegationsDecisionsAndEveryWayATaskEnds() throws Exception {
        port = new FlowableUserTasks(engine, directory);
        String a = request("R-1", "rita", "lena", "sales", "mia", 1200);
        String b = request("R-2", "leo", "nora", "hr", "max", 300);
        String ld = task(a, "approve-ld").getId();

        port.claim("leo", ld);
        assertThat(ids("mia")).doesNotContain(ld);
        assertThat(rows("leo"))
                .filteredOn(t -> t.id().equals(ld))
                .singleElement()
                .extracting(InboxTask::assignee)
                .isEqualTo("leo");
        sameAsOneByOne();
        port.unclaim("leo", ld);
        assertThat(ids("mia")).contains(ld);
        sameAsOneByOne();

        String manager = task(a, "approve-manager").getId();
        OpenApprovals delegations = new OpenApprovals(engine, directory, null);
        assertThat(delegations.delegate("mia", "leo", "holiday").moved()).containsExactly(manager);
        assertThat(rows("leo"))
                .filteredOn(t -> t.id().equals(manager))
                .singleElement()
                .satisfies(t -> assertThat(t.context()).containsEntry("approverOnBehalfOf", "mia"));
        assertThat(ids("mia")).doesNotContain(manager);
        sameAsOneByOne();
        assertThat(delegations.giveBack("mia", "leo")).containsExactly(manager);
        assertThat(rows("mia"))
                .filteredOn(t -> t.id().equals(manager))
                .singleElement()
                .satisfies(t -> assertThat(t.context()).doesNotContainKey("approverOnBehalfOf"));
        sameAsOneByOne();

        // mia decided another level of this request: she may no longer decide its L&D level
        flowable.getRuntimeService().setVariable(a, "decidedBy", List.of(Map.of("level", "manager", "by", "mia")));
        assertThat(ids("mia")).doesNotContain(ld, manager); // both decide the level "ld"
        sameAsOneByOne();

        port.complete("leo", ld, Map.of());
        assertThat(facts(ld)).isZero();
        sameAsOneByOne();

        clock.advance(Duration.ofHours(2)); // the manager approvals' timers end them
        engine.driver().runUntilIdle();
        assertThat(flowable.getTaskService()
                        .createTaskQuery()
                        .taskDefinitionKey("approve-manager")
                        .count())
                .isZero();
        assertThat(facts(manager)).isZero();
        sameAsOneByOne();

        flowable.getRuntimeService().deleteProcessInstance(b, "withdrawn by leo");
        sameAsOneByOne();
        assertThat(totalFacts())
                .isEqualTo(flowable.getTaskService().createTaskQuery().count())
                .isEqualTo(1); // a's revision
    }

    /** A request as the sample processes carry it: requester, learner's profile, manager, cost, approval level. */
    private String request(
            String requestId, String requester, String learner, String department, String manager, double cost) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", requestId);
        variables.put("employeeId", "E-" + learner);
        variables.put("requestedBy", requester);
        variables.put(
                "profile",
                Map.of(
                        "username",
                        learner,
                        "displayName",
                        "Name of " + learner,
                        "department",
                        department,
                        "employeeId",
                        "E-" + learner));
        variables.put("manager", manager);
        variables.put("pathCost", cost);
        variables.put("level", "ld");
        String id = flowable.getRuntimeService()
                .startProcessInstanceByKey("inbox-facts", requestId, variables)
                .getId();
        engine.driver().runUntilIdle();
        return id;
    }

    private Task task(String instance, String element) {
        return flowable.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(element)
                .singleResult();
    }

    private List<InboxTask> rows(String user) {
        return port.page(user, 0, 100, InboxFilter.NONE).tasks();
    }

    private List<String> ids(String user) {
        return rows(user).stream().map(InboxTask::id).toList();
    }

    /** Every person's list, whole and one row a page, is the one-by-one check's, in its order. */
    private void sameAsOneByOne() {
        UserTasks oneByOne = new UserTasks(flowable, directory);
        for (String user : PEOPLE) {
            List<String> expected =
                    oneByOne.visibleTo(user).stream().map(Task::getId).toList();
            assertThat(ids(user)).as(user).isEqualTo(expected);
            List<String> paged = new ArrayList<>();
            Integer next = 0;
            while (next != null) {
                InboxPage page = port.page(user, next, 1, InboxFilter.NONE);
                assertThat(page.tasks())
                        .as("a page of one for " + user + " is full unless it is the last")
                        .hasSize(page.next() == null && page.tasks().isEmpty() ? 0 : 1);
                page.tasks().forEach(t -> paged.add(t.id()));
                next = page.next();
            }
            assertThat(paged).as(user + ", a row a page").isEqualTo(expected);
        }
    }

    private long facts(String taskId) throws Exception {
        return count("SELECT COUNT(*) FROM tf_inbox_fact WHERE task_id = '" + taskId + "'");
    }

    private long totalFacts() throws Exception {
        return count("SELECT COUNT(*) FROM tf_inbox_fact");
    }

    private long count(String sql) throws Exception {
        try (Connection connection =
                        flowable.getProcessEngineConfiguration().getDataSource().getConnection();
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}

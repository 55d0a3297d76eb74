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

    @Test
    void pagesReadByCursorNeitherRepeatNorSkipATaskWhileTasksAreCreatedAndCompleted() {
        port = new FlowableUserTasks(engine, directory);
        // mia's inbox: manager approvals (due in an hour; several at the same instant, so only the id orders them),
        // then L&D approvals offered to her group (no due date, last)
        for (int i = 0; i < 6; i++) {
            request("R-" + i, "rita", i % 2 == 0 ? "lena" : "nora", "sales", "mia", 100);
        }
        clock.advance(Duration.ofMinutes(1));
        for (int i = 6; i < 9; i++) {
            request("R-" + i, "rita", "lena", "sales", "mia", 100);
        }
        List<String> before = ids("mia");
        assertThat(before).hasSize(18);
        List<String> completedUnread = new ArrayList<>();
        List<String> completedRead = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        int[] round = {0};
        // (with positions instead, the tasks completed before the reader's place would shift unread ones past it)
        List<String> read = byCursor(
                "mia",
                4,
                () -> {
                    // between two pages: one task already read and one not yet read are completed, a new request
                    // arrives
                    int r = round[0]++;
                    String done = seen.stream()
                            .filter(id -> !completedRead.contains(id))
                            .findFirst()
                            .orElseThrow();
                    port.complete("mia", done, Map.of());
                    completedRead.add(done);
                    List<String> open = ids("mia");
                    String ahead = open.get(open.size() - 1);
                    if (!seen.contains(ahead)) {
                        port.complete(task(ahead).getAssignee() == null ? "leo" : "mia", ahead, Map.of());
                        completedUnread.add(ahead);
                    }
                    clock.advance(Duration.ofSeconds(10));
                    request("N-" + r, "rita", "nora", "hr", "mia", 50);
                },
                seen);

        assertThat(read).doesNotHaveDuplicates();
        assertThat(completedUnread).isNotEmpty().doesNotContainAnyElementsOf(read);
        // every task open from the first page to the last was read, once, in the inbox's order
        List<String> after = ids("mia");
        List<String> throughout = before.stream().filter(after::contains).toList();
        assertThat(throughout).hasSizeGreaterThan(8);
        assertThat(read).containsAll(throughout);
        assertThat(read.stream().filter(after::contains).toList())
                .isEqualTo(after.stream().filter(read::contains).toList());
        // a task made meanwhile is read when its place is still ahead (here: the new L&D approvals, due last)
        assertThat(read)
                .containsAnyElementsOf(
                        after.stream().filter(id -> !before.contains(id)).toList());
        assertThat(completedRead).hasSizeGreaterThan(2);
        sameAsOneByOne();
    }

    @Test
    void theSearchFindsTheStartOfAnyWordOfTheNameOrIdWhateverTheCaseAndAccents() {
        port = new FlowableUserTasks(engine, directory);
        request("R-1", "rita", "lena", "Élodie Martin-Dubois", "1042", "sales", "mia", 100);
        request("R-2", "rita", "nora", "ELODIE Marchand", "2077", "sales", "mia", 100);
        request("R-3", "rita", "max", "Zoë Ødegaard", "3001", "hr", "mia", 100);

        assertThat(found("elodie")).containsExactly("R-1", "R-2");
        assertThat(found("ÉLODIE MAR")).containsExactly("R-1", "R-2");
        assertThat(found("élodie mart")).containsExactly("R-1");
        assertThat(found("DUBOIS")).containsExactly("R-1");
        assertThat(found("martin dub")).containsExactly("R-1");
        assertThat(found("zoe")).containsExactly("R-3");
        assertThat(found("odegaard")).containsExactly("R-3");
        assertThat(found("1042")).containsExactly("R-1");
        assertThat(found("odie")).as("inside a word").isEmpty();
        assertThat(found("%")).as("nothing but punctuation").isEmpty();
        assertThat(found("mar_hand")).as("no wildcard").isEmpty();

        // the learner's name changes with the profile: the search follows it
        flowable.getRuntimeService()
                .setVariable(
                        task(port.page("mia", 0, 10, new InboxFilter(null, null, null, null, "2077"))
                                        .tasks()
                                        .get(0)
                                        .id())
                                .getProcessInstanceId(),
                        "profile",
                        Map.of("username", "nora", "displayName", "Nora Lefèvre", "employeeId", "2077"));
        assertThat(found("marchand")).isEmpty();
        assertThat(found("LEFEVRE")).containsExactly("R-2");
    }

    /** The requests of mia's tasks whose learner the search finds. */
    private List<String> found(String search) {
        return port.page("mia", 0, 50, new InboxFilter(null, null, null, null, search)).tasks().stream()
                .map(InboxTask::requestId)
                .distinct()
                .sorted()
                .toList();
    }

    private Task task(String id) {
        return flowable.getTaskService().createTaskQuery().taskId(id).singleResult();
    }

    /** A request as the sample processes carry it: requester, learner's profile, manager, cost, approval level. */
    private String request(
            String requestId, String requester, String learner, String department, String manager, double cost) {
        return request(requestId, requester, learner, "Name of " + learner, "E-" + learner, department, manager, cost);
    }

    private String request(
            String requestId,
            String requester,
            String learner,
            String displayName,
            String employeeId,
            String department,
            String manager,
            double cost) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", requestId);
        variables.put("employeeId", employeeId);
        variables.put("requestedBy", requester);
        variables.put(
                "profile",
                Map.of(
                        "username",
                        learner,
                        "displayName",
                        displayName,
                        "department",
                        department,
                        "employeeId",
                        employeeId));
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
            assertThat(byCursor(user, 1, () -> {}, new ArrayList<>()))
                    .as(user + ", a row a page by cursor")
                    .isEqualTo(expected);
        }
    }

    /** The user's whole list read {@code size} rows a page by cursor, {@code between} run after every page. */
    private List<String> byCursor(String user, int size, Runnable between, List<String> seen) {
        InboxPage page = port.page(user, 0, size, InboxFilter.NONE);
        while (true) {
            assertThat(page.tasks())
                    .as("only the last page is short")
                    .hasSize(page.after() == null ? page.tasks().size() : size);
            page.tasks().forEach(t -> seen.add(t.id()));
            if (page.after() == null) {
                return seen;
            }
            between.run();
            page = port.pageAfter(user, page.after(), size, InboxFilter.NONE);
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

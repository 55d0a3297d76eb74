package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.sample.SampleLms.SentMessage;
import io.trainflow.workflows.api.OpenRequests;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, on the real engine: one open request per employee and course, whoever asks (the employee, a manager,
 * a campaign). A course named at intake that another open request holds is refused at once; courses ranking adds
 * that are held elsewhere are left out, and a request left with nothing ends as already requested, saying so in
 * status and to the requester; two requests checked at the same moment never both keep a course.
 */
class OneOpenRequestPerCourseTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void aCourseNamedAtIntakeThatAnotherOpenRequestHoldsIsRefusedNamingThatRequest() {
        String first = life.request("alice.martin", "1004", "Automate reports", List.of());
        String held = pathOf(first).get(0);

        assertThatThrownBy(() -> life.request("sophie.laurent", "1004", "Alice should automate", List.of("112", held)))
                .isInstanceOfSatisfying(TrainflowProblem.Conflict.class, refused -> {
                    assertThat(refused.fields()).containsOnlyKeys("requestedCourseIds[1]");
                    assertThat(refused.fields().get("requestedCourseIds[1]"))
                            .contains(held)
                            .contains(first);
                    assertThat(refused.getMessage()).contains(first).contains("withdraw");
                });
        assertThat(life.inbox("marc.bernard")).as("no nomination started").isEmpty();
    }

    @Test
    void aSecondOwnRequestWhoseRankedCoursesAreAllHeldEndsAsAlreadyRequestedAndSaysWhy() {
        String first = life.request("alice.martin", "1004", "Automate reports", List.of());
        String second = life.request("alice.martin", "1004", "Automate reports, again", List.of());

        assertThat(life.endedAt(second)).isEqualTo("already-requested");
        assertThat(life.variables(second))
                .containsEntry("outcome", "already-requested")
                .hasEntrySatisfying(
                        "endReason", reason -> assertThat((String) reason).contains(first));
        assertThat(life.messagesTo("alice.martin"))
                .extracting(SentMessage::text)
                .singleElement()
                .satisfies(text -> assertThat(text)
                        .startsWith("Your training request " + second + " ends here")
                        .contains(first)
                        .doesNotContain("rejected"));
        assertThat(life.inbox("sophie.laurent"))
                .as("one approval: the first request's")
                .extracting(t -> life.variable(t, "requestId"))
                .containsExactly(first);
    }

    @Test
    void aPartialOverlapKeepsOnlyTheNewCourseAndEnrolsEachCourseOnce() {
        String first = life.request("alice.martin", "1004", "Automate reports", List.of());
        List<String> firstPath = pathOf(first);
        // Presenting with Impact covers none of her gaps: ranking adds her gap courses, which the first request holds
        String second = life.request("alice.martin", "1004", "Present our results", List.of("112"));

        assertThat(life.endedAt(second))
                .as("it goes on: " + life.variables(second).get("endReason"))
                .isNull();
        assertThat(pathOf(second)).containsExactly("112");
        assertThat(life.variables(second).get("linkNote"))
                .as("what status shows")
                .isInstanceOfSatisfying(
                        String.class,
                        note -> assertThat(note)
                                .startsWith("left out, already requested: ")
                                .contains(first));
        life.task("sophie.laurent", "approve", second); // it waits for her manager like any request

        List<String> before = enrolled();
        life.approve("sophie.laurent", first);
        life.approve("sophie.laurent", second);
        List<String> added = new ArrayList<>(enrolled());
        added.removeAll(before);
        assertThat(added)
                .as("each course of the two requests, once")
                .containsExactlyInAnyOrderElementsOf(concat(firstPath, List.of("112")));
        // told once per request; the second names only its own course
        assertThat(life.messagesTo("alice.martin"))
                .extracting(SentMessage::text)
                .filteredOn(text -> text.startsWith("You are enrolled"))
                .hasSize(2)
                .last()
                .satisfies(text ->
                        assertThat(text).contains("Presenting with Impact").doesNotContain("Python"));
    }

    @Test
    void aRequestThatEndedHoldsNoCourseAnyMore() {
        String first = life.request("alice.martin", "1004", "Automate reports", List.of());
        String held = pathOf(first).get(0);
        life.decide("sophie.laurent", first, "reject", "Not now");
        assertThat(life.endedAt(first)).isNotNull();

        String again = life.request("sophie.laurent", "1004", "Alice should automate", List.of(held));

        assertThat(life.endedAt(again)).isNull();
        assertThat(pathOf(again)).contains(held);
    }

    /**
     * A database made before Trainflow kept who each running request is for (migration V14): at the next start the
     * engine fills in the rows, and a request opened before the upgrade still holds its courses.
     */
    @Test
    void aRequestOpenedBeforeTheUpgradeStillHoldsItsCoursesAfterTheRestart() throws Exception {
        String url = "jdbc:h2:mem:upgrade-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String first;
        String held;
        try (SampleLifecycle before = SampleLifecycle.open(url, SampleLifecycle.START, false)) {
            first = before.request("alice.martin", "1004", "Automate reports", List.of());
            held = before.variables(first).get("learningPath") instanceof List<?> path
                    ? String.valueOf(((Map<?, ?>) path.get(0)).get("courseId"))
                    : null;
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
                java.sql.Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("DELETE FROM tf_open_request"))
                    .as("the request's row, deleted as a database of the release before has none")
                    .isEqualTo(1);
        }
        try (SampleLifecycle after = SampleLifecycle.open(url, SampleLifecycle.START.plusSeconds(60), false)) {
            assertThatThrownBy(() -> after.request("sophie.laurent", "1004", "Alice should automate", List.of(held)))
                    .isInstanceOfSatisfying(
                            TrainflowProblem.Conflict.class,
                            refused -> assertThat(refused.getMessage()).contains(first));
        }
    }

    /** Pairs of requests of one employee claim the same course at the same moment: one keeps it, every time. */
    @Test
    void twoRequestsOfOneEmployeeCheckedAtTheSameMomentNeverBothKeepACourse() throws Exception {
        OpenRequests open = life.engine().openRequests();
        for (String employee :
                List.of("1004", "1006", "1008", "1009", "1012", "1013", "1014", "1019", "1020", "1021")) {
            // two requests open in the engine, not yet checked (nothing runs their steps)
            String a = start(employee);
            String b = start(employee);
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Map<String, String>> byA =
                    CompletableFuture.supplyAsync(() -> claim(open, together, employee, a));
            CompletableFuture<Map<String, String>> byB =
                    CompletableFuture.supplyAsync(() -> claim(open, together, employee, b));
            List<Map<String, String>> refused = List.of(byA.get(60, TimeUnit.SECONDS), byB.get(60, TimeUnit.SECONDS));

            assertThat(refused)
                    .as(employee + ": exactly one keeps course 125")
                    .filteredOn(Map::isEmpty)
                    .hasSize(1);
            assertThat(refused)
                    .filteredOn(r -> !r.isEmpty())
                    .singleElement()
                    .satisfies(r -> assertThat(r)
                            .containsOnlyKeys("125")
                            .containsValue(refused.get(0).isEmpty() ? a : b));
        }
    }

    private Map<String, String> claim(OpenRequests open, CyclicBarrier together, String employee, String request) {
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return open.claim(employee, request, List.of("125"));
    }

    private String start(String employee) {
        String requestId = "REQ-race-" + employee + "-" + System.nanoTime();
        life.flowable()
                .getRuntimeService()
                .startProcessInstanceByKey(
                        "training-request",
                        requestId,
                        Map.of(
                                "requestId",
                                requestId,
                                "employeeId",
                                employee,
                                "requestedBy",
                                "zoe.vincent",
                                "programmeId",
                                "",
                                "requestedCourseIds",
                                List.of()));
        return requestId;
    }

    @SuppressWarnings("unchecked")
    private List<String> pathOf(String requestId) {
        List<String> ids = new ArrayList<>();
        for (Object course : (List<Object>) life.variables(requestId).get("learningPath")) {
            ids.add(String.valueOf(((Map<String, Object>) course).get("courseId")));
        }
        return ids;
    }

    private List<String> enrolled() {
        return life.ports().lms().enrolments("alice.martin").stream()
                .map(e -> e.courseId())
                .toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.List;
import java.util.Map;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The approver sends a request back: the requester revises and resubmits it, or withdraws it. */
class SendBackForChangesTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void theRequesterRevisesTheRequestAndItIsApprovedOnResubmission() {
        String request = life.request("alice.martin", "1004", "Reports", List.of());
        life.decide("sophie.laurent", request, "changes", "Which reports, and why now?");

        Task revise = life.task("alice.martin", "revise-request", request);
        assertThat(revise.getAssignee()).isEqualTo("alice.martin");
        assertThat(life.inbox("sophie.laurent"))
                .as("nothing to decide until resubmitted")
                .isEmpty();
        assertThatThrownBy(
                        () -> life.complete("sophie.laurent", revise, Map.of("justification", "x", "withdraw", false)))
                .as("only the requester revises")
                .isInstanceOf(TrainflowProblem.NotFound.class);

        life.complete(
                "alice.martin",
                revise,
                Map.of(
                        "justification",
                        "Automate the weekly sales report in Python",
                        "requestedCourseIds",
                        List.of(),
                        "withdraw",
                        false));

        Task again = life.task("sophie.laurent", "approve", request);
        assertThat(again.getId()).isNotEqualTo(revise.getId());
        assertThat(life.variable(again, "justification")).isEqualTo("Automate the weekly sales report in Python");
        life.approve("sophie.laurent", request);

        assertThat(life.org().lms().enrolments("alice.martin"))
                .extracting(Enrolment::courseId)
                .contains("103", "104");
        assertThat(life.endedAt(request)).as("in training").isNull();
    }

    @Test
    void aRevisionThatAsksForOtherCoursesIsRankedAgain() {
        String request = life.request("alice.martin", "1004", "Reports", List.of());
        life.decide("sophie.laurent", request, "changes", "Would security training help more?");

        life.complete(
                "alice.martin",
                life.task("alice.martin", "revise-request", request),
                Map.of(
                        "justification",
                        "Secure coding first",
                        "requestedCourseIds",
                        List.of("105"),
                        "withdraw",
                        false));

        Task again = life.task("sophie.laurent", "approve", request);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> path = (List<Map<String, Object>>) life.variable(again, "learningPath");
        assertThat(path)
                .first()
                .satisfies(course -> assertThat(course.get("courseId")).isEqualTo("105"));
    }

    @Test
    void theRequesterMayWithdrawInstead() {
        String request = life.request("alice.martin", "1004", "Reports", List.of());
        life.decide("sophie.laurent", request, "changes", "Which reports?");

        life.complete(
                "alice.martin",
                life.task("alice.martin", "revise-request", request),
                Map.of("justification", "Never mind", "requestedCourseIds", List.of(), "withdraw", true));

        assertThat(life.endedAt(request)).isEqualTo("withdrawn");
        assertThat(life.outcome(request))
                .as("the withdrawal is recorded for the reports")
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo("withdrawn"));
        assertThat(life.inbox("sophie.laurent")).isEmpty();
        assertThat(life.inbox("alice.martin")).isEmpty();
        assertThat(life.org().lms().enrolments("alice.martin"))
                .extracting(Enrolment::courseId)
                .doesNotContain("103", "104");
    }
}

package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HR moves the learner to another manager: an open approval follows, and so do later follow-ups. */
class ManagerChangedTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void theOpenApprovalIsReroutedToTheNewManager() {
        String request = life.request("alice.martin", "1004", "Automate reports", List.of());
        Task old = life.task("sophie.laurent", "approve", request);

        life.org().changeSupervisor("1004", "hugo.roux");
        assertThat(life.engine().messages().correlate("manager-changed", "1004", Map.of()))
                .isEqualTo(1);
        life.run();

        Task moved = life.task("hugo.roux", "approve", request);
        assertThat(moved.getAssignee()).isEqualTo("hugo.roux");
        assertThat(life.variable(moved, "approver")).isEqualTo("hugo.roux");
        assertThat(life.inbox("sophie.laurent")).isEmpty();
        assertThatThrownBy(() -> life.complete("sophie.laurent", old, Map.of("decision", "approve")))
                .as("the old task is gone")
                .isInstanceOf(TrainflowProblem.NotFound.class);
        assertThatThrownBy(() -> life.complete("sophie.laurent", moved, Map.of("decision", "approve")))
                .isInstanceOf(TrainflowProblem.NotFound.class);

        life.approve("hugo.roux", request);
        assertThat(life.org().lms().enrolments("alice.martin"))
                .extracting(Enrolment::courseId)
                .contains("103", "104");
    }

    @Test
    void aFollowUpDueAfterAManagerChangeGoesToTheNewManager() {
        String request = life.request("alice.martin", "1004", "Automate reports", List.of());
        life.approve("sophie.laurent", request);
        life.learnerCompletesNextCourse("alice.martin");
        life.learnerCompletesNextCourse("alice.martin");

        life.advance(Duration.ofDays(30));
        life.complete(
                "sophie.laurent",
                life.task("sophie.laurent", "follow-up-30", request),
                Map.of("behaviourScore", 4, "observation", "uses it weekly"));

        // HR moves Alice to Hugo between the 30- and 60-day follow-ups: the profile read at intake still says Sophie
        life.org().changeSupervisor("1004", "hugo.roux");
        life.advance(Duration.ofDays(30));

        Task followUp = life.task("hugo.roux", "follow-up-60", request);
        assertThat(followUp.getAssignee()).isEqualTo("hugo.roux");
        assertThat(life.inbox("sophie.laurent")).isEmpty();
        assertThatThrownBy(() -> life.complete("sophie.laurent", followUp, Map.of("behaviourScore", 2)))
                .isInstanceOf(TrainflowProblem.NotFound.class);
        life.complete("hugo.roux", followUp, Map.of("behaviourScore", 3, "observation", "new team, still uses it"));
    }

    @Test
    void aChangeForSomeoneWithoutAnOpenApprovalChangesNothing() {
        String request = life.request("alice.martin", "1004", "Automate reports", List.of());
        Task open = life.task("sophie.laurent", "approve", request);

        assertThat(life.engine().messages().correlate("manager-changed", "1006", Map.of()))
                .isZero();
        life.run();

        assertThat(life.task("sophie.laurent", "approve", request).getId()).isEqualTo(open.getId());
    }
}

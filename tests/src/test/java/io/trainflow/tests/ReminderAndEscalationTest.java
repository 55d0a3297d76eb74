package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.connectors.sample.SampleLms.SentMessage;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An approval nobody handles: a reminder every 2 days, and after 5 days it moves one level up. */
class ReminderAndEscalationTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void theApproverIsRemindedAfterTwoDaysAndTheTaskMovesToTheirManagerAfterFive() {
        String request = life.request("alice.martin", "1004", "Automate reports", List.of());
        Task first = life.task("sophie.laurent", "approve", request);

        life.advance(Duration.ofHours(47));
        assertThat(life.messagesTo("sophie.laurent")).isEmpty();
        life.advance(Duration.ofHours(1));
        assertThat(life.messagesTo("sophie.laurent"))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).startsWith("Reminder").contains(request));
        assertThat(life.task("sophie.laurent", "approve", request).getId())
                .as("a reminder leaves the task where it is")
                .isEqualTo(first.getId());

        life.advance(Duration.ofHours(71));
        assertThat(life.task("sophie.laurent", "approve", request).getId())
                .as("not escalated before day 5")
                .isEqualTo(first.getId());
        assertThat(life.messagesTo("sophie.laurent"))
                .as("reminded again on day 4")
                .hasSize(2);
        life.advance(Duration.ofHours(1));

        Task escalated = life.task("marc.bernard", "approve", request);
        assertThat(escalated.getAssignee()).isEqualTo("marc.bernard");
        assertThat(life.variable(escalated, "approver")).isEqualTo("marc.bernard");
        // one notification for the escalation, linked to the new task (sent as a Moodle message and an e-mail, both
        // with the link, by the dispatcher); the process sends no message of its own besides it
        assertThat(life.notificationsTo("marc.bernard"))
                .containsExactly(Map.of("kind", "escalated", "task", escalated.getId()));
        assertThat(life.messagesTo("marc.bernard")).isEmpty();
        assertThat(life.inbox("sophie.laurent")).isEmpty();
        assertThatThrownBy(() -> life.complete("sophie.laurent", escalated, Map.of("decision", "approve")))
                .isInstanceOf(TrainflowProblem.NotFound.class);

        life.approve("marc.bernard", request);

        assertThat(life.org().lms().enrolments("alice.martin"))
                .extracting(Enrolment::courseId)
                .contains("103", "104");
        assertThat(life.variables(request)).containsEntry("approver", "marc.bernard");
    }

    @Test
    void aDeputysOverdueApprovalEscalatesAboveTheApproverOnLeave() {
        // sample delegation: thomas.rousseau stands in for isabelle.fontaine, who is also his own manager
        String request = life.request("ella.lefebvre", "1029", "Employment law basics", List.of());
        assertThat(life.variable(life.task("thomas.rousseau", "approve", request), "approverOnBehalfOf"))
                .isEqualTo("isabelle.fontaine");

        life.advance(Duration.ofDays(5));

        Task escalated = life.task("claire.dubois", "approve", request);
        assertThat(escalated.getAssignee()).isEqualTo("claire.dubois");
        assertThat(life.variable(escalated, "approverOnBehalfOf")).isNull();
        assertThat(life.inbox("thomas.rousseau")).isEmpty();
        assertThat(life.messagesTo("thomas.rousseau"))
                .extracting(SentMessage::text)
                .noneMatch(text -> text.contains("escalated"));
        assertThat(life.notificationsTo("claire.dubois"))
                .containsExactly(Map.of("kind", "escalated", "task", escalated.getId()));
    }

    @Test
    void escalatingPastTheTopOfTheCompanyReachesHrFallback() {
        String request = life.request("marc.bernard", "1002", "Coach my managers", List.of());
        assertThat(life.task("claire.dubois", "approve", request).getAssignee()).isEqualTo("claire.dubois");

        life.advance(Duration.ofDays(5));

        Task fallback = life.task("maxime.muller", "approve", request);
        assertThat(fallback.getAssignee()).isNull();
        assertThat(life.variable(fallback, "approverGroups")).isEqualTo(List.of("hr-fallback"));
        assertThat(life.inbox("claire.dubois")).isEmpty();
        life.approve("maxime.muller", request);
        assertThat(life.org().lms().enrolments("marc.bernard"))
                .extracting(Enrolment::courseId)
                .contains("119");
    }
}

package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.connectors.sample.SampleLms.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The learner has not finished by the training deadline: the manager extends it or closes the request. */
class MissedDeadlineTest {

    private final SampleLifecycle life = SampleLifecycle.start();
    private String request;

    @BeforeEach
    void enrolAliceAndLetTheDeadlinePass() {
        request = life.request("alice.martin", "1004", "Automate reports", List.of());
        life.approve("sophie.laurent", request);
        Instant deadline = Instant.parse((String) life.variables(request).get("trainingDeadline"));

        life.advance(Duration.between(life.clock().instant(), deadline).minusMinutes(1));
        assertThat(life.inbox("sophie.laurent")).as("not before the deadline").isEmpty();
        life.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void theManagerExtendsTheDeadlineAndTheLearnerStillCompletes() {
        Task missed = life.task("sophie.laurent", "handle-missed-deadline", request);
        assertThat(missed.getAssignee()).isEqualTo("sophie.laurent");
        Instant now = life.clock().instant();

        life.complete("sophie.laurent", missed, Map.of("deadlineAction", "extend", "extensionDays", 10));

        Instant newDeadline = now.plus(Duration.ofDays(10));
        assertThat(life.flowable()
                        .getManagementService()
                        .createTimerJobQuery()
                        .elementId("timer-deadline")
                        .list())
                .singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate().toInstant()).isEqualTo(newDeadline));
        assertThat(life.org().lms().enrolments("alice.martin"))
                .filteredOn(e -> List.of("103", "104").contains(e.courseId()))
                .hasSize(2)
                .extracting(Enrolment::end)
                .containsOnly(newDeadline);
        assertThat(life.inbox("sophie.laurent")).isEmpty();

        life.advance(Duration.ofDays(9));
        life.learnerCompletesNextCourse("alice.martin");
        life.learnerCompletesNextCourse("alice.martin");

        assertThat(life.variables(request))
                .containsEntry("trainingStatus", "completed")
                .containsEntry("trainingDeadline", newDeadline.toString());
        assertThat(life.endedAt(request)).as("evaluation under way").isNull();
        life.advance(Duration.ofDays(30));
        assertThat(life.task("sophie.laurent", "follow-up-30", request)).isNotNull();
        assertThat(life.messagesTo("alice.martin"))
                .extracting(SentMessage::text)
                .noneMatch(text -> text.contains("deadline") && text.contains("passed"));
    }

    @Test
    void theManagerClosesTheRequestAsNotCompleted() {
        life.complete(
                "sophie.laurent",
                life.task("sophie.laurent", "handle-missed-deadline", request),
                Map.of("deadlineAction", "close"));

        assertThat(life.endedAt(request)).isEqualTo("not-completed");
        assertThat(life.variables(request)).containsEntry("trainingStatus", "not-completed");
        assertThat(life.outcome(request))
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo("not-completed"));
        assertThat(life.messagesTo("alice.martin"))
                .extracting(SentMessage::text)
                .anySatisfy(
                        text -> assertThat(text).contains("training deadline").contains("passed"));
        assertThat(life.inbox("sophie.laurent")).isEmpty();
    }
}

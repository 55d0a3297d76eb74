package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.delegation.Delegation;
import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An approver on leave names a deputy: approvals go to the deputy, on behalf of the approver, for that period only. */
class DelegationTest {

    private final SampleLifecycle life = SampleLifecycle.start();
    private final Instant now = SampleLifecycle.START;

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void duringADelegationTheDeputyDecidesOnBehalfOfTheApprover() {
        life.ports()
                .delegations()
                .save(new Delegation(
                        null,
                        "sophie.laurent",
                        "hugo.roux",
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(7)),
                        "Holiday"));

        String request = life.request("alice.martin", "1004", "Automate reports", List.of());

        Task task = life.task("hugo.roux", "approve", request);
        assertThat(task.getAssignee()).isEqualTo("hugo.roux");
        assertThat(life.variable(task, "approverOnBehalfOf")).isEqualTo("sophie.laurent");
        assertThat(life.inbox("sophie.laurent")).isEmpty();
        assertThatThrownBy(() -> life.complete("sophie.laurent", task, Map.of("decision", "approve")))
                .isInstanceOf(TrainflowProblem.NotFound.class);

        life.approve("hugo.roux", request);

        assertThat(life.org().lms().enrolments("alice.martin"))
                .extracting(Enrolment::courseId)
                .contains("103", "104");
        assertThat(life.variables(request))
                .containsEntry("approver", "hugo.roux")
                .containsEntry("approverOnBehalfOf", "sophie.laurent");
    }

    @Test
    void aDelegationOutsideItsPeriodDoesNotApply() {
        life.ports()
                .delegations()
                .save(new Delegation(
                        null,
                        "sophie.laurent",
                        "hugo.roux",
                        now.minus(Duration.ofDays(10)),
                        now.minus(Duration.ofDays(1)),
                        "Last month's holiday"));
        life.ports()
                .delegations()
                .save(new Delegation(
                        null,
                        "sophie.laurent",
                        "lucas.moreau",
                        now.plus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(10)),
                        "Next week's holiday"));

        String request = life.request("alice.martin", "1004", "Automate reports", List.of());

        Task task = life.task("sophie.laurent", "approve", request);
        assertThat(task.getAssignee()).isEqualTo("sophie.laurent");
        assertThat(life.variable(task, "approverOnBehalfOf")).isNull();
        assertThat(life.inbox("hugo.roux")).isEmpty();
        assertThat(life.inbox("lucas.moreau")).isEmpty();
    }

    @Test
    void theSampleDelegationOfIsabelleToThomasLastsUntilElevenDaysAfterLoading() {
        // delegations.json: days -3..+11 from the day the sample is loaded (START's day, at midnight)
        String during = life.request("ella.lefebvre", "1029", "Employment law basics", List.of());
        Task task = life.task("thomas.rousseau", "approve", during);
        assertThat(life.variable(task, "approverOnBehalfOf")).isEqualTo("isabelle.fontaine");
        life.approve("thomas.rousseau", during);

        life.advance(Duration.ofDays(11));

        String after = life.request("zoe.vincent", "1027", "Employment law and interviewing", List.of());
        Task back = life.task("isabelle.fontaine", "approve", after);
        assertThat(back.getAssignee()).isEqualTo("isabelle.fontaine");
        assertThat(life.variable(back, "approverOnBehalfOf")).isNull();
    }
}

package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.outcome.Outcome;
import io.trainflow.connectors.sample.SampleLms.SentMessage;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * L&D runs a needs-analysis campaign over a department: one training request per employee, each
 * approved or not, then a report of the outcomes that L&D signs off.
 */
class DepartmentCampaignTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void aCampaignRunsOneRequestPerEmployeeAndEndsWithASignedOffReport() {
        String programme = life.campaign("zoe.vincent", "sales");
        String prefix = programme + "-";

        List<String> sales = life.org().hcm().employees("sales").stream()
                .map(Employee::employeeId)
                .toList();
        assertThat(sales).hasSize(7);
        // the campaign calls one training-cohort per batch of the department (7 fit in one), each a request per
        // employee
        List<HistoricProcessInstance> batches = life.flowable()
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .superProcessInstanceId(life.root(programme).getId())
                .list();
        assertThat(batches)
                .extracting(p -> p.getProcessDefinitionId().split(":")[0])
                .containsExactly("training-cohort");
        assertThat(life.flowable()
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .superProcessInstanceId(batches.get(0).getId())
                        .list())
                .extracting(p -> p.getProcessDefinitionId().split(":")[0])
                .containsOnly("training-request")
                .hasSize(7);
        assertThat(life.ports().outcomes().ofProgramme(programme))
                .as("julie and louis have no gap")
                .extracting(Outcome::employeeId, Outcome::status)
                .containsExactlyInAnyOrder(Tuple.tuple("1010", "no-need"), Tuple.tuple("1015", "no-need"));
        assertThat(life.endedAt(prefix + "1010"))
                .as("a campaign request is found by its request id")
                .isEqualTo("no-need");

        // chloe: her manager approves; L&D must, but zoe launched the campaign and cannot; the budget owner refuses
        life.approve("nicolas.faure", prefix + "1016");
        Task ld = life.task("thomas.rousseau", "approve", prefix + "1016");
        assertThatThrownBy(() -> life.complete("zoe.vincent", ld, Map.of("decision", "approve")))
                .isInstanceOf(TrainflowProblem.NotFound.class);
        life.approve("thomas.rousseau", prefix + "1016");
        life.decide("julie.lambert", prefix + "1016", "reject", "Sales is out of budget");
        // the others over the sales budget are turned down by their managers
        life.decide("julie.lambert", prefix + "1011", "reject", "Next year");
        life.decide("nicolas.faure", prefix + "1012", "reject", "Next year");
        life.decide("nicolas.faure", prefix + "1013", "reject", "Next year");
        // manon's cheap course fits the budget: she is trained and followed up
        life.approve("nicolas.faure", prefix + "1014");
        life.learnerCompletesNextCourse("manon.boyer");
        for (int day : new int[] {30, 60, 90}) {
            assertThat(life.inbox("thomas.rousseau"))
                    .as("no report before every request has ended")
                    .isEmpty();
            life.advance(Duration.ofDays(30));
            life.complete(
                    "nicolas.faure",
                    life.task("nicolas.faure", "follow-up-" + day, prefix + "1014"),
                    Map.of("behaviourScore", 4, "observation", "Uses the CRM pipeline daily"));
        }

        Task signOff = life.task("thomas.rousseau", "sign-off-report", programme);
        assertThat(life.variable(signOff, "report"))
                .isInstanceOfSatisfying(
                        Map.class,
                        report -> assertThat(report)
                                .containsEntry("cohortSize", 7L)
                                .containsEntry("completed", 1L)
                                .containsEntry("rejected", 4L)
                                .containsEntry("noNeed", 2L)
                                .containsEntry("notCompleted", 0L)
                                .containsEntry("withdrawn", 0L)
                                .containsEntry("employeeUnknown", 0L)
                                .hasEntrySatisfying(
                                        "averageReaction", v -> assertThat(v).isNotNull()));
        assertThat(life.variable(signOff, "feedbackSummary"))
                .isInstanceOfSatisfying(
                        Map.class,
                        summary -> assertThat((String) summary.get("text")).isNotBlank());
        assertThatThrownBy(() -> life.complete("zoe.vincent", signOff, Map.of("signedOff", true)))
                .as("who launched the campaign does not sign off its report")
                .isInstanceOf(TrainflowProblem.NotFound.class);

        String aiDraft = (String) ((Map<?, ?>) life.variable(signOff, "feedbackSummary")).get("text");
        String retrospective =
                "Good start: one completion; budget rules kept four requests out, revisit them next year.";
        life.complete("thomas.rousseau", signOff, Map.of("signedOff", true, "retrospective", retrospective));

        assertThat(life.endedAt(programme)).isEqualTo("signed-off");
        // the report is signed off by a person, in their own words; the AI text stays a draft beside it
        Map<String, Object> record = life.variables(programme);
        assertThat(record)
                .containsEntry("signedOffBy", "thomas.rousseau")
                .containsEntry("retrospective", retrospective)
                .containsEntry("signedOff", true);
        assertThat(record.get("feedbackSummary"))
                .isInstanceOfSatisfying(
                        Map.class,
                        summary ->
                                assertThat(summary).containsEntry("draft", true).containsEntry("text", aiDraft));
        assertThat(record.get("feedbackSummaryProvenance")).isNotNull();
        assertThat(life.messagesTo("zoe.vincent"))
                .extracting(SentMessage::text)
                .anySatisfy(
                        text -> assertThat(text).contains("programme report").contains(programme));
    }
}

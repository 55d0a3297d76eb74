package io.trainflow.workflows.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.workflows.Sample;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.RegisteredHandler;
import io.trainflow.workflows.engine.StepInputException;
import io.trainflow.workflows.engine.StepInvoker;
import io.trainflow.workflows.evaluation.Learning;
import io.trainflow.workflows.evaluation.Reaction;
import io.trainflow.workflows.evaluation.RecordOutcomeHandler;
import io.trainflow.workflows.profile.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgrammeHandlersTest {

    final Sample sample = new Sample();
    final RecordOutcomeHandler record = new RecordOutcomeHandler(sample.ports.outcomes(), sample.clock);
    final BuildReportHandler report = new BuildReportHandler(sample.ports.outcomes());

    @Test
    void aDepartmentIsFoundByIdOrName() throws BusinessError {
        ListDepartmentHandler handler = new ListDepartmentHandler(sample.ports.hcm());

        List<String> byId =
                handler.handle(new ListDepartmentHandler.Input("sales", null)).employeeIds();

        assertThat(byId).containsExactly("1010", "1011", "1012", "1013", "1014", "1015", "1016");
        assertThat(handler.handle(new ListDepartmentHandler.Input("Customer Support", null))
                        .employeeIds())
                .hasSize(8);
        assertThatThrownBy(() -> handler.handle(new ListDepartmentHandler.Input("marketing", null)))
                .isInstanceOfSatisfying(
                        BusinessError.class, e -> assertThat(e.code()).isEqualTo("DEPARTMENT_NOT_FOUND"));
    }

    @Test
    void theDepartmentComesInBatchesInOrder() throws BusinessError {
        ListDepartmentHandler handler = new ListDepartmentHandler(sample.ports.hcm());

        assertThat(handler.handle(new ListDepartmentHandler.Input("sales", 3)).employeeBatches())
                .containsExactly(List.of("1010", "1011", "1012"), List.of("1013", "1014", "1015"), List.of("1016"));
        assertThat(handler.handle(new ListDepartmentHandler.Input("sales", null))
                        .employeeBatches())
                .containsExactly(List.of("1010", "1011", "1012", "1013", "1014", "1015", "1016"));
        assertThat(ListDepartmentHandler.batches(List.of(), 250)).isEmpty();
    }

    void outcome(String request, String employeeId, String status, Reaction reaction, Learning learning, Double after) {
        Profile p = sample.profile(employeeId);
        record.handle(new RecordOutcomeHandler.Input(
                "P-SALES", request, employeeId, status, reaction, learning, List.of(), p, after));
    }

    @Test
    void theReportAggregatesEveryOutcomeOfTheProgramme() {
        // camille: 2 responses (10, 6) -> avg 8, nps 0; antoine: 1 response (9) -> nps 100
        outcome(
                "R1",
                "1012",
                "completed",
                new Reaction(2, 8.0, 0.0, List.of("Great negotiation drills.")),
                new Learning(List.of(), 80.0, true),
                75.0);
        outcome(
                "R2",
                "1013",
                "completed",
                new Reaction(1, 9.0, 100.0, List.of("Practical and fun.")),
                new Learning(List.of(), 70.0, true),
                60.0);
        outcome("R3", "1014", "not-completed", null, null, null);
        outcome("R4", "1015", "no-need", null, null, null);
        outcome("R5", "1016", "rejected", null, null, null);
        outcome("R6", "1011", "withdrawn", null, null, null);
        // the HCM no longer knows the employee: no profile to record
        record.handle(new RecordOutcomeHandler.Input(
                "P-SALES", "R7", "1099", "employee-unknown", null, null, null, null, null));
        outcome(
                "R1",
                "1012",
                "completed",
                new Reaction(2, 8.0, 0.0, List.of("Great negotiation drills.")),
                new Learning(List.of(), 80.0, true),
                75.0);
        outcome("R8", "1010", "not-enrolled", null, null, null); // approved, but the session was full

        Report r = report.handle(new BuildReportHandler.Input("P-SALES")).report();

        assertThat(r.cohortSize()).as("recording R1 twice keeps one row").isEqualTo(8);
        assertThat(List.of(
                        r.completed(), r.notCompleted(), r.noNeed(), r.rejected(), r.withdrawn(), r.employeeUnknown()))
                .as("every request falls in one count")
                .containsExactly(2, 2, 1, 1, 1, 1);
        assertThat(r.averageReaction()).isEqualTo(8.3); // (10 + 6 + 9) / 3
        assertThat(r.nps()).isEqualTo(33.3); // 2 promoters, 1 detractor of 3
        assertThat(r.averageGrade()).isEqualTo(75.0);
        assertThat(r.averageReviewDelta()).isEqualTo(3.0); // camille 71 -> 75, antoine 58 -> 60
        assertThat(r.comments()).containsExactly("Great negotiation drills.", "Practical and fun.");
    }

    @Test
    void theReportListsEmployeesAnotherOpenRequestCoveredWithTheRequestHoldingTheirCourses() {
        record.handle(new RecordOutcomeHandler.Input(
                "P-LINK",
                "P-LINK-1014",
                "1014",
                "already-requested",
                null,
                null,
                null,
                null,
                null,
                "already requested: Python for Automation in REQ-own",
                "already requested: Python for" + " Automation in REQ-own"));
        record.handle(new RecordOutcomeHandler.Input(
                "P-LINK",
                "P-LINK-1016",
                "1016",
                "rejected",
                null,
                null,
                null,
                null,
                null,
                "rejected by the manager",
                "left out, already requested: SQL Basics in REQ-hers"));
        record.handle(new RecordOutcomeHandler.Input(
                "P-LINK", "P-LINK-1012", "1012", "no-need", null, null, null, null, null, "no skill gap", null));

        Report r = report.handle(new BuildReportHandler.Input("P-LINK")).report();

        assertThat(r.cohortSize()).isEqualTo(3);
        assertThat(r.alreadyRequested()).isEqualTo(1);
        assertThat(r.linked())
                .containsExactly(
                        new Report.Linked(
                                "1014", "P-LINK-1014", true, "already requested: Python for Automation in REQ-own"),
                        new Report.Linked(
                                "1016", "P-LINK-1016", false, "left out, already requested: SQL Basics in REQ-hers"));
    }

    @Test
    void anEmptyProgrammeHasNoFigures() {
        Report r = report.handle(new BuildReportHandler.Input("nothing")).report();

        assertThat(r.cohortSize()).isZero();
        assertThat(r.nps()).isNull();
        assertThat(r.averageReviewDelta()).isNull();
    }

    @Test
    void theSummaryOnlyQuotesComments() {
        Report r = new Report(
                3,
                3,
                0,
                0,
                0,
                0,
                0,
                8.0,
                30.0,
                75.0,
                1.0,
                List.of("Practical labs, very useful.", "Useful and practical labs.", "The room was cold."));

        var summary = new SummariseFeedbackHandler(sample.ports.ai())
                .handle(new SummariseFeedbackHandler.Input(r))
                .feedbackSummary();

        assertThat(summary.sentences()).isNotEmpty().isSubsetOf(r.comments());
        assertThat(summary.engine()).isEqualTo(sample.ports.ai().engine());
    }

    @Test
    void anUnknownStatusIsAModellingErrorRefusedAtBinding() {
        RegisteredHandler bound =
                new HandlerRegistry(List.of(record)).find("record-outcome").orElseThrow();

        assertThatThrownBy(() -> new StepInvoker()
                        .invoke(
                                bound,
                                Map.of(
                                        "programmeId",
                                        "P-SALES",
                                        "requestId",
                                        "R9",
                                        "employeeId",
                                        "1012",
                                        "status",
                                        "done")))
                .isInstanceOfSatisfying(
                        StepInputException.class,
                        refused -> assertThat(refused.fields()).containsOnlyKeys("status"));
        assertThat(sample.ports.outcomes().ofProgramme("P-SALES"))
                .as("nothing recorded")
                .isEmpty();
    }
}

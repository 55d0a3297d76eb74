package io.trainflow.workflows.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.hcm.PerformanceReview;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import jakarta.validation.constraints.NotBlank;

@TaskType(
        value = "hcm-load-review",
        name = "Load latest performance review",
        description = "Reads the final rating of the learner's most recent completed performance review from the HCM"
                + " (Kirkpatrick level 4).")
public final class LoadReviewHandler implements StepHandler<LoadReviewHandler.Input, LoadReviewHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "HCM id of the learner", feel = "=employeeId") @NotBlank
            String employeeId) {}

    public record Output(
            @Doc(value = "Final rating of the latest review (HCM scale, 0..100); null when none", optional = true)
            Double reviewAfter) {}

    private final HcmPort hcm;

    public LoadReviewHandler(HcmPort hcm) {
        this.hcm = hcm;
    }

    @Override
    public Output handle(Input input) {
        return new Output(hcm.latestReview(input.employeeId())
                .map(PerformanceReview::finalRating)
                .orElse(null));
    }
}

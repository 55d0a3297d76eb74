package io.trainflow.workflows.programme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.jdbc.Json;
import io.trainflow.connectors.outcome.Outcome;
import io.trainflow.connectors.outcome.OutcomeStore;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.evaluation.Learning;
import io.trainflow.workflows.evaluation.Reaction;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

@TaskType(
        value = "build-programme-report",
        name = "Build programme report",
        description = "Aggregates the recorded outcomes of a programme: how many completed, reaction and NPS over all"
                + " feedback, average grade, and the average change in review rating.")
public final class BuildReportHandler implements StepHandler<BuildReportHandler.Input, BuildReportHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "Programme id", feel = "=programmeId") @NotBlank
            String programmeId) {}

    public record Output(@Doc("The programme's results") Report report) {}

    private static final String ALREADY_REQUESTED = "already-requested";

    private final OutcomeStore outcomes;

    public BuildReportHandler(OutcomeStore outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public Output handle(Input input) {
        List<Outcome> rows = outcomes.ofProgramme(input.programmeId());
        List<Reaction> reactions = rows.stream()
                .map(o -> o.reaction() == null ? null : Json.MAPPER.convertValue(o.reaction(), Reaction.class))
                .filter(Objects::nonNull)
                .toList();
        List<Learning> learnings = rows.stream()
                .map(o -> o.learning() == null ? null : Json.MAPPER.convertValue(o.learning(), Learning.class))
                .filter(Objects::nonNull)
                .toList();
        List<Reaction> scored = reactions.stream()
                .filter(r -> r.averageScore() != null && r.responses() > 0)
                .toList();
        int responses = scored.stream().mapToInt(Reaction::responses).sum();
        // weighting each learner's figures by their responses gives exactly the figures over all scores
        Double averageReaction = responses == 0
                ? null
                : round(scored.stream()
                                .mapToDouble(r -> r.averageScore() * r.responses())
                                .sum()
                        / responses);
        List<Reaction> withNps = scored.stream().filter(r -> r.nps() != null).toList();
        int npsResponses = withNps.stream().mapToInt(Reaction::responses).sum();
        Double nps = npsResponses == 0
                ? null
                : round(withNps.stream()
                                .mapToDouble(r -> r.nps() * r.responses())
                                .sum()
                        / npsResponses);
        // approved but not enrolled (a full session, a course the LMS refused) is closed without completing too
        return new Output(new Report(
                rows.size(),
                count(rows, "completed"),
                count(rows, "not-completed") + count(rows, "not-enrolled"),
                count(rows, "rejected"),
                count(rows, "no-need"),
                count(rows, "withdrawn"),
                count(rows, "employee-unknown"),
                averageReaction,
                nps,
                mean(learnings.stream()
                        .map(Learning::averageGrade)
                        .filter(Objects::nonNull)
                        .mapToDouble(Double::doubleValue)),
                mean(rows.stream()
                        .filter(o -> o.reviewAfter() != null && o.lastReviewRating() != null)
                        .mapToDouble(o -> o.reviewAfter() - o.lastReviewRating())),
                reactions.stream().flatMap(r -> r.comments().stream()).toList(),
                count(rows, ALREADY_REQUESTED),
                linked(rows)));
    }

    /** Employees another open request covered: skipped wholly, or with some courses left out (issue 10). */
    private static List<Report.Linked> linked(List<Outcome> rows) {
        return rows.stream()
                .filter(o -> ALREADY_REQUESTED.equals(o.status()) || o.linked() != null)
                .map(o -> ALREADY_REQUESTED.equals(o.status())
                        ? new Report.Linked(
                                o.employeeId(), o.requestId(), true, o.reason() != null ? o.reason() : o.linked())
                        : new Report.Linked(o.employeeId(), o.requestId(), false, o.linked()))
                .toList();
    }

    private static int count(List<Outcome> rows, String status) {
        return (int) rows.stream().filter(o -> status.equals(o.status())).count();
    }

    private static Double mean(DoubleStream values) {
        OptionalDouble mean = values.average();
        return mean.isPresent() ? round(mean.getAsDouble()) : null;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

package io.trainflow.workflows.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.jdbc.Json;
import io.trainflow.connectors.outcome.Outcome;
import io.trainflow.connectors.outcome.OutcomeStore;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.profile.Profile;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

@TaskType(
        value = "record-outcome",
        name = "Record outcome",
        description =
                "Stores how the request ended (every end records one), with reaction, learning, follow-ups and review ratings, for the"
                        + " programme report. Recording the same request again replaces the earlier outcome.")
public final class RecordOutcomeHandler
        implements StepHandler<RecordOutcomeHandler.Input, RecordOutcomeHandler.Output> {

    /** Every end of a training request; another status is a modelling error, refused at binding. */
    static final String STATUS_PATTERN =
            "completed|not-completed|not-enrolled|rejected|no-need|withdrawn" + "|employee-unknown|already-requested";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "Programme id; empty for a single request", optional = true, feel = "=programmeId")
            String programmeId,

            @Doc(value = "Training request id", feel = "=requestId") @NotBlank
            String requestId,

            @Doc(value = "HCM id of the learner", feel = "=employeeId") @NotBlank
            String employeeId,

            @Doc("completed, not-completed, not-enrolled, rejected, no-need, withdrawn, employee-unknown or"
                    + " already-requested")
            @NotNull
            @Pattern(regexp = STATUS_PATTERN, message = "must be one of " + STATUS_PATTERN)
            String status,

            @Doc(value = "Reaction (level 1)", optional = true, feel = "=reaction")
            Reaction reaction,

            @Doc(value = "Learning (level 2)", optional = true, feel = "=learning")
            Learning learning,

            @Doc(
                    value = "Manager follow-ups (level 3), as the process holds them",
                    optional = true,
                    feel = "=followUps")
            Object followUps,

            @Doc(value = "The learner, for the review rating before the training", optional = true, feel = "=profile")
            Profile profile,

            @Doc(value = "Review rating after the training (level 4)", optional = true, feel = "=reviewAfter")
            Double reviewAfter,

            @Doc(value = "Why the request ended so, in words for people (shown by `status`)", optional = true)
            String reason,

            @Doc(
                    value =
                            "Courses left out because another open request holds them, naming it (the programme report)",
                    optional = true,
                    feel = "=linkNote")
            String linkNote) {

        public Input(
                String programmeId,
                String requestId,
                String employeeId,
                String status,
                Reaction reaction,
                Learning learning,
                Object followUps,
                Profile profile,
                Double reviewAfter) {
            this(programmeId, requestId, employeeId, status, reaction, learning, followUps, profile, reviewAfter, null);
        }

        public Input(
                String programmeId,
                String requestId,
                String employeeId,
                String status,
                Reaction reaction,
                Learning learning,
                Object followUps,
                Profile profile,
                Double reviewAfter,
                String reason) {
            this(
                    programmeId,
                    requestId,
                    employeeId,
                    status,
                    reaction,
                    learning,
                    followUps,
                    profile,
                    reviewAfter,
                    reason,
                    null);
        }
    }

    public record Output(
            @Doc("How the request ended (the recorded status)")
            String outcome,

            @Doc(value = "Why, when the process said", optional = true)
            String endReason) {}

    private final OutcomeStore outcomes;
    private final Clock clock;

    public RecordOutcomeHandler(OutcomeStore outcomes, Clock clock) {
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @Override
    public Output handle(Input input) {
        outcomes.record(new Outcome(
                input.programmeId(),
                input.requestId(),
                input.employeeId(),
                input.status(),
                asMap(input.reaction()),
                asMap(input.learning()),
                input.followUps(),
                input.profile() == null ? null : input.profile().lastReviewRating(),
                input.reviewAfter(),
                clock.instant(),
                limit(input.reason()),
                limit(input.linkNote())));
        return new Output(input.status(), input.reason());
    }

    /** The store keeps 2,000 characters of a reason. */
    private static String limit(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static Map<String, Object> asMap(Object value) {
        return value == null ? null : Json.MAPPER.convertValue(value, MAP);
    }
}

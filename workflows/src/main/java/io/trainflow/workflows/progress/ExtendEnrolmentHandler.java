package io.trainflow.workflows.progress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.connectors.lms.EnrolmentRefusedException;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.profile.Profile;
import io.trainflow.workflows.sessions.SessionBooking;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@TaskType(
        value = "lms-extend-enrolment",
        name = "Extend LMS enrolment",
        description = "Gives the learner more time: the new deadline is today plus the extension, and the enrolment in"
                + " every course not yet completed runs until then.")
public final class ExtendEnrolmentHandler
        implements StepHandler<ExtendEnrolmentHandler.Input, ExtendEnrolmentHandler.Output> {

    static final int DEFAULT_DAYS = 14;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "The learner", feel = "=profile") @NotNull
            Profile profile,

            @Doc(value = "Sessions the learner is enrolled in", feel = "=sessions") @NotNull
            List<SessionBooking> sessions,

            @Doc(value = "Days to add from today; 14 when empty", optional = true, feel = "=extensionDays")
            Integer extensionDays) {}

    public record Output(
            @Doc("New deadline, ISO-8601 date-time") String trainingDeadline) {}

    private final LmsPort lms;
    private final Clock clock;

    public ExtendEnrolmentHandler(LmsPort lms, Clock clock) {
        this.lms = lms;
        this.clock = clock;
    }

    @Override
    public Output handle(Input input) {
        int days = input.extensionDays() == null || input.extensionDays() <= 0 ? DEFAULT_DAYS : input.extensionDays();
        Instant deadline = clock.instant().plus(Duration.ofDays(days));
        String username = input.profile().username();
        List<String> courseIds = input.sessions().stream()
                .map(SessionBooking::courseId)
                .distinct()
                .toList();
        Set<String> completed = courseIds.isEmpty()
                ? Set.of()
                : lms.completionStatus(List.of(username), courseIds).stream()
                        .filter(CompletionStatus::completed)
                        .map(CompletionStatus::courseId)
                        .collect(Collectors.toSet());
        for (Enrolment e : lms.enrolments(username)) {
            boolean endsTooEarly = e.end() != null && e.end().isBefore(deadline);
            if (courseIds.contains(e.courseId()) && !completed.contains(e.courseId()) && endsTooEarly) {
                try {
                    lms.extendEnrolment(username, e.courseId(), deadline);
                } catch (EnrolmentRefusedException gone) {
                    // unenrolled in the LMS meanwhile: nothing left to extend for that course
                }
            }
        }
        return new Output(deadline.toString());
    }
}

package io.trainflow.workflows.progress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.path.PathCourse;
import io.trainflow.workflows.profile.Profile;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

@TaskType(
        value = "lms-check-progress",
        name = "Check LMS progress",
        description = "Reads the learner's completion of every course of the path from the LMS, and for how many days"
                + " they have not opened any of them (counted from the enrolment when never).")
public final class CheckProgressHandler
        implements StepHandler<CheckProgressHandler.Input, CheckProgressHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "The learner", feel = "=profile") @NotNull
            Profile profile,

            @Doc(value = "Courses of the path", feel = "=learningPath") @NotNull
            List<PathCourse> learningPath) {}

    public record Progress(
            @Doc("Courses completed") int completedCourses,
            @Doc("Courses in the path") int totalCourses,

            @Doc("completedCourses / totalCourses in percent, 0..100")
            int percent,

            @Doc("Days since the learner last opened a course of the path")
            int inactiveDays,

            @Doc("Whether every course of the path is completed")
            boolean allCompleted) {}

    public record Output(@Doc("The learner's progress") Progress progress) {}

    private final LmsPort lms;
    private final Clock clock;

    public CheckProgressHandler(LmsPort lms, Clock clock) {
        this.lms = lms;
        this.clock = clock;
    }

    @Override
    public Output handle(Input input) {
        String username = input.profile().username();
        List<String> courseIds = input.learningPath().stream()
                .map(PathCourse::courseId)
                .distinct()
                .toList();
        long completed = courseIds.isEmpty()
                ? 0
                : lms.completionStatus(List.of(username), courseIds).stream()
                        .filter(CompletionStatus::completed)
                        .count();
        int total = courseIds.size();
        int percent = total == 0 ? 100 : (int) (completed * 100 / total);
        return new Output(new Progress(
                (int) completed, total, percent, inactiveDays(username, Set.copyOf(courseIds)), completed == total));
    }

    private int inactiveDays(String username, Set<String> courseIds) {
        Instant now = clock.instant();
        Optional<Instant> lastActivity = lms.enrolments(username).stream()
                .filter(e -> courseIds.contains(e.courseId()))
                .map(e -> e.lastAccess() != null ? e.lastAccess() : e.start())
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
        return lastActivity
                .filter(at -> at.isBefore(now))
                .map(at -> (int) Duration.between(at, now).toDays())
                .orElse(0);
    }
}

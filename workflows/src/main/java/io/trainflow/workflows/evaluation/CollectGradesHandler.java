package io.trainflow.workflows.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.lms.CourseGrade;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.path.PathCourse;
import io.trainflow.workflows.profile.Profile;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

@TaskType(
        value = "lms-collect-grades",
        name = "Collect LMS grades",
        description = "Reads the learner's course grades for the path from the LMS, in percent, with pass or fail by"
                + " each course's pass grade (half marks when the course sets none); a course without graded items is"
                + " neither passed nor failed.")
public final class CollectGradesHandler
        implements StepHandler<CollectGradesHandler.Input, CollectGradesHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "The learner", feel = "=profile") @NotNull
            Profile profile,

            @Doc(value = "Courses of the path", feel = "=learningPath") @NotNull
            List<PathCourse> learningPath) {}

    public record Output(
            @Doc("The learner's results (Kirkpatrick level 2)")
            Learning learning) {}

    private final LmsPort lms;

    public CollectGradesHandler(LmsPort lms) {
        this.lms = lms;
    }

    @Override
    public Output handle(Input input) {
        List<String> courseIds = input.learningPath().stream()
                .map(PathCourse::courseId)
                .distinct()
                .toList();
        Map<String, CourseGrade> grades = courseIds.isEmpty()
                ? Map.of()
                : lms.grades(input.profile().username(), courseIds).stream()
                        .collect(Collectors.toMap(CourseGrade::courseId, Function.identity(), (a, b) -> b));
        List<Learning.CourseResult> results = courseIds.stream()
                .map(id -> {
                    CourseGrade g = grades.get(id);
                    return g == null
                            ? new Learning.CourseResult(id, null, null)
                            : new Learning.CourseResult(id, Math.round(g.percent() * 10) / 10.0, g.passed());
                })
                .toList();
        List<Double> graded = results.stream()
                .map(Learning.CourseResult::grade)
                .filter(Objects::nonNull)
                .toList();
        Double average = graded.isEmpty()
                ? null
                : Math.round(graded.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .average()
                                        .orElse(0)
                                * 10)
                        / 10.0;
        // a path where nothing is graded has no pass or fail to report; one failed course fails the path
        Boolean allPassed = graded.isEmpty() ? null : results.stream().allMatch(r -> Boolean.TRUE.equals(r.passed()));
        return new Output(new Learning(results, average, allPassed));
    }
}

package io.trainflow.workflows.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.hcm.EmployeeSkill;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.hcm.Skill;
import io.trainflow.connectors.hcm.SkillLevels;
import io.trainflow.connectors.hcm.TrainingRecord;
import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.path.PathCourse;
import io.trainflow.workflows.profile.Profile;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@TaskType(
        value = "hcm-record-training",
        name = "Record training in HCM",
        description = "Writes each course the learner passed (or completed, when it has no grade) to the HCM as a"
                + " training record, and raises the skill the course was chosen for by one level. Safe to repeat.")
public final class RecordTrainingHandler
        implements StepHandler<RecordTrainingHandler.Input, RecordTrainingHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "The learner, as loaded before the training", feel = "=profile") @NotNull
            Profile profile,

            @Doc(value = "Courses of the path", feel = "=learningPath") @NotNull
            List<PathCourse> learningPath,

            @Doc(value = "The learner's grades", optional = true, feel = "=learning")
            Learning learning,

            @Doc(value = "Training request id, written into each record's number", feel = "=requestId") @NotBlank
            String requestId) {}

    public record Recorded(
            @Doc("LMS course id") String courseId,
            @Doc("HCM training record id") String recordId) {}

    public record Output(
            @Doc("One entry per course recorded") List<Recorded> trainingRecords) {}

    private final HcmPort hcm;
    private final LmsPort lms;
    private final Clock clock;

    public RecordTrainingHandler(HcmPort hcm, LmsPort lms, Clock clock) {
        this.hcm = hcm;
        this.lms = lms;
        this.clock = clock;
    }

    @Override
    public Output handle(Input input) {
        Profile profile = input.profile();
        List<PathCourse> path = input.learningPath();
        Map<String, Learning.CourseResult> graded = input.learning() == null
                ? Map.of()
                : input.learning().grades().stream()
                        .filter(r -> r.grade() != null)
                        .collect(Collectors.toMap(Learning.CourseResult::courseId, Function.identity(), (a, b) -> b));
        Set<String> completed = path.isEmpty()
                ? Set.of()
                : lms
                        .completionStatus(
                                List.of(profile.username()),
                                path.stream().map(PathCourse::courseId).toList())
                        .stream()
                        .filter(CompletionStatus::completed)
                        .map(CompletionStatus::courseId)
                        .collect(Collectors.toSet());
        LocalDate today = LocalDate.now(clock);
        List<Recorded> recorded = new ArrayList<>();
        for (PathCourse course : path) {
            Learning.CourseResult result = graded.get(course.courseId());
            boolean success =
                    result != null && result.passed() != null ? result.passed() : completed.contains(course.courseId());
            if (!success) {
                continue;
            }
            TrainingRecord record = hcm.recordTraining(
                    profile.employeeId(),
                    new TrainingRecord(
                            null, course.title(), course.shortname() + "/" + input.requestId(), today, null));
            recorded.add(new Recorded(course.courseId(), record.recordId()));
            if (course.skillId() != null) {
                raiseSkill(profile, course);
            }
        }
        return new Output(recorded);
    }

    /**
     * One level above what the profile had before the training, never lowering what the HCM holds now:
     * computed from the profile snapshot, so a retried step does not raise the skill twice.
     */
    private void raiseSkill(Profile profile, PathCourse course) {
        int before = profile.skills().getOrDefault(course.skillId(), 0);
        Optional<EmployeeSkill> now = hcm.skills(profile.employeeId()).stream()
                .filter(s -> s.skillId().equals(course.skillId()))
                .findFirst();
        int target = Math.min(SkillLevels.MAX, before + 1);
        if (now.isPresent() && SkillLevels.level(now.get()) >= target) {
            return;
        }
        EmployeeSkill base = now.orElseGet(() -> new EmployeeSkill(
                course.skillId(),
                hcm.skills().stream()
                        .filter(s -> s.id().equals(course.skillId()))
                        .map(Skill::name)
                        .findFirst()
                        .orElse(course.skillId()),
                0,
                null));
        hcm.saveSkill(profile.employeeId(), SkillLevels.withLevel(base, target, "after " + course.shortname()));
    }
}

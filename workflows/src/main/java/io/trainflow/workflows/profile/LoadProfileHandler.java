package io.trainflow.workflows.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.Role;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.hcm.PerformanceReview;
import io.trainflow.connectors.hcm.SkillLevels;
import io.trainflow.connectors.lms.CourseGrade;
import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

@TaskType(
        value = "hcm-load-profile",
        name = "Load employee profile",
        description = "Reads the learner's job, department, manager chain, skills and last review from the HCM,"
                + " and their course history with grades from the LMS.",
        errors = {LoadProfileHandler.EMPLOYEE_NOT_FOUND})
public final class LoadProfileHandler implements StepHandler<LoadProfileHandler.Input, LoadProfileHandler.Output> {

    public static final String EMPLOYEE_NOT_FOUND = "EMPLOYEE_NOT_FOUND";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "HCM id of the learner", feel = "=employeeId") @NotBlank
            String employeeId) {}

    public record Output(
            @Doc("The learner: job, role, department, managers, skills, last review")
            Profile profile,

            @Doc("Courses the learner is or was enrolled in, with completion and grade")
            List<CourseHistoryEntry> courseHistory) {}

    private final HcmPort hcm;
    private final LmsPort lms;
    private final CataloguePort catalogue;

    public LoadProfileHandler(HcmPort hcm, LmsPort lms, CataloguePort catalogue) {
        this.hcm = hcm;
        this.lms = lms;
        this.catalogue = catalogue;
    }

    @Override
    public Output handle(Input input) throws BusinessError {
        Employee e = hcm.employee(input.employeeId()).orElse(null);
        if (e == null) {
            throw new BusinessError(EMPLOYEE_NOT_FOUND, "The HCM has no employee " + input.employeeId());
        }
        List<String> chain =
                ManagerChain.above(hcm, e).stream().map(Employee::username).toList();
        Map<String, Integer> skills = new TreeMap<>();
        hcm.skills(e.employeeId()).forEach(s -> skills.put(s.skillId(), SkillLevels.level(s)));
        Profile profile = new Profile(
                e.employeeId(),
                e.username(),
                e.displayName(),
                e.email(),
                e.jobTitle(),
                catalogue.roleForJobTitle(e.jobTitleId()).map(Role::roleId).orElse(null),
                e.departmentId(),
                chain.isEmpty() ? null : chain.get(0),
                chain,
                skills,
                hcm.latestReview(e.employeeId())
                        .map(PerformanceReview::finalRating)
                        .orElse(null));
        return new Output(profile, e.username() == null ? List.of() : history(e.username()));
    }

    private List<CourseHistoryEntry> history(String username) {
        List<String> courseIds = lms.enrolments(username).stream()
                .map(Enrolment::courseId)
                .distinct()
                .toList();
        if (courseIds.isEmpty()) {
            return List.of();
        }
        Map<String, CourseGrade> grades = lms.grades(username, courseIds).stream()
                .collect(Collectors.toMap(CourseGrade::courseId, Function.identity(), (a, b) -> b));
        return lms.completionStatus(List.of(username), courseIds).stream()
                .map(s -> new CourseHistoryEntry(s.courseId(), s.completed(), percent(grades.get(s.courseId()))))
                .toList();
    }

    private static Double percent(CourseGrade grade) {
        return grade == null ? null : Math.round(grade.percent() * 10) / 10.0;
    }
}

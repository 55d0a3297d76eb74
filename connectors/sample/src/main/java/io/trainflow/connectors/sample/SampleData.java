package io.trainflow.connectors.sample;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** The shapes of the JSON files in {@code config/sample/} (see its README). */
final class SampleData {

    private SampleData() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organisation(
            String name,
            List<Unit> departments,
            List<JobTitle> jobTitles,
            List<SkillDef> skills,
            List<Person> employees) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Unit(String id, String name, String parentId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record JobTitle(String id, String title) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SkillDef(String id, String name, String description) {}

    /** An employee; {@code manager} is a username (null: no manager), {@code skills} skill id to level 1..5. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(
            String employeeId,
            String username,
            String firstName,
            String lastName,
            String jobTitleId,
            String departmentId,
            String manager,
            Double reviewRating,
            Map<String, Integer> skills) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Catalogue(
            String currency,
            List<Category> categories,
            List<RoleDef> roles,
            List<CourseDef> courses,
            List<BudgetDef> budgets,
            Aliases aliases) {}

    /** Other names an external HCM uses for the catalogue's skills and job titles: catalogue id to names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Aliases(Map<String, List<String>> skills, Map<String, List<String>> jobTitles) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Category(String id, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RoleDef(String roleId, String title, List<String> jobTitleIds, Map<String, Integer> requiredSkills) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CourseDef(
            String id,
            String shortname,
            String fullname,
            String summary,
            String categoryId,
            List<String> tags,
            List<String> skillIds,
            double cost,
            List<SessionDef> sessions) {}

    /** A session relative to the day the sample is loaded, so the sample never goes stale. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionDef(
            String id, int startsInDays, int durationDays, int seats, int booked, String trainer, String style) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BudgetDef(String departmentId, double allocated, double spent, String owner) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LmsHistory(List<PastCompletion> history) {}

    /** A course completed before Trainflow started, with its grade and feedback. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PastCompletion(
            String username,
            String courseId,
            int completedDaysAgo,
            double grade,
            double gradeMax,
            Double gradePass,
            Integer score,
            String comment) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DelegationDef(String approver, String deputy, int startsInDays, int endsInDays, String reason) {}
}

package io.trainflow.tests.org;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The shapes of {@code organisation.json} and {@code catalogue.json} (as in config/sample/), read
 * back by the bench's indexed ports. The sample's own records are package-private to the
 * connectors, hence this small copy.
 */
public final class OrgData {

    private OrgData() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organisation(
            String name,
            List<Unit> departments,
            List<JobTitle> jobTitles,
            List<SkillDef> skills,
            List<Person> employees) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String id, String name, String parentId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JobTitle(String id, String title) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SkillDef(String id, String name, String description) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(
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
    public record Catalogue(String currency, List<RoleDef> roles, List<CourseDef> courses, List<BudgetDef> budgets) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoleDef(String roleId, String title, List<String> jobTitleIds, Map<String, Integer> requiredSkills) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CourseDef(
            String id,
            String shortname,
            String fullname,
            String summary,
            String categoryId,
            List<String> tags,
            List<String> skillIds,
            double cost,
            List<SessionDef> sessions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionDef(
            String id, int startsInDays, int durationDays, int seats, int booked, String trainer, String style) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BudgetDef(String departmentId, double allocated, double spent, String owner) {}
}

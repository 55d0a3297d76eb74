package io.trainflow.connectors.hcm;

import io.trainflow.connectors.error.PortBusinessException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An external HCM seen through the ids of Trainflow's catalogue. Courses name the skill they teach
 * by the catalogue's id ("python") and roles name job titles by the catalogue's ids
 * ("site-reliability-engineer"); OrangeHRM knows them by its own ids (2, 1) under the same names
 * ("Python", "Site Reliability Engineer"). Skills and job titles are matched by name,
 * case-insensitively, so the handlers compare like with like (without this, a learner would have no
 * role and so no skill gaps, and a skill the HCM holds at 4/5 would look absent and be written back
 * lower). Organisation units are seen as the catalogue's budget departments ({@link CatalogueDepartments}):
 * without this, every learner of an external HCM would have a department with no budget. What the catalogue
 * does not name keeps the HCM's id; everything else passes through.
 */
public final class CatalogueIdsHcm implements HcmPort {

    private final HcmPort hcm;
    private final Map<String, String> catalogueIdByName = new HashMap<>();
    private final Map<String, String> catalogueNameById = new HashMap<>();
    private final Map<String, String> jobTitleIdByName = new HashMap<>();
    private final CatalogueDepartments departments;

    /**
     * @param catalogueSkills the skills the catalogue's courses refer to
     * @param jobTitles       the job titles the catalogue's roles refer to, id to name
     * @param catalogueDepartments the departments the catalogue's budgets refer to
     */
    public CatalogueIdsHcm(
            HcmPort hcm,
            List<Skill> catalogueSkills,
            Map<String, String> jobTitles,
            List<Department> catalogueDepartments) {
        this(hcm, catalogueSkills, jobTitles, catalogueDepartments, HcmNameAliases.none());
    }

    /** @param aliases the administrator's other names for catalogue skills and job titles in the HCM */
    public CatalogueIdsHcm(
            HcmPort hcm,
            List<Skill> catalogueSkills,
            Map<String, String> jobTitles,
            List<Department> catalogueDepartments,
            HcmNameAliases aliases) {
        this.hcm = hcm;
        this.departments = new CatalogueDepartments(hcm::departments, catalogueDepartments);
        catalogueSkills.forEach(s -> {
            catalogueIdByName.put(key(s.name()), s.id());
            catalogueNameById.put(s.id(), s.name());
        });
        jobTitles.forEach((id, name) -> jobTitleIdByName.put(key(name), id));
        aliases.skills().forEach((id, names) -> names.forEach(n -> catalogueIdByName.putIfAbsent(key(n), id)));
        aliases.jobTitles().forEach((id, names) -> names.forEach(n -> jobTitleIdByName.putIfAbsent(key(n), id)));
    }

    /** The HCM's skills that match no catalogue skill by name or alias (check-connections lists them). */
    public List<String> unmatchedSkills() {
        return hcm.skills().stream()
                .map(Skill::name)
                .filter(n -> !catalogueIdByName.containsKey(key(n)))
                .sorted()
                .toList();
    }

    private Employee mapped(Employee e) {
        String title = e.jobTitle() == null
                ? e.jobTitleId()
                : jobTitleIdByName.getOrDefault(key(e.jobTitle()), e.jobTitleId());
        Optional<Department> department = departments.of(e.departmentId());
        return new Employee(
                e.employeeId(),
                e.username(),
                e.firstName(),
                e.lastName(),
                e.email(),
                title,
                e.jobTitle(),
                department.map(Department::id).orElse(e.departmentId()),
                department.map(Department::name).orElse(e.departmentName()),
                e.managerId());
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    private String toCatalogue(String hcmId, String name) {
        return catalogueIdByName.getOrDefault(key(name), hcmId);
    }

    @Override
    public List<Skill> skills() {
        return hcm.skills().stream()
                .map(s -> new Skill(toCatalogue(s.id(), s.name()), s.name(), s.description()))
                .toList();
    }

    @Override
    public List<EmployeeSkill> skills(String employeeId) {
        return hcm.skills(employeeId).stream()
                .map(s -> new EmployeeSkill(
                        toCatalogue(s.skillId(), s.skillName()), s.skillName(), s.yearsOfExperience(), s.comments()))
                .toList();
    }

    /**
     * The HCM's id for the skill of that catalogue id or name; the HCM resolves by name when it has no
     * match, so a skill the HCM lacks goes under the catalogue's name ("Docker", not "docker").
     */
    @Override
    public void saveSkill(String employeeId, EmployeeSkill skill) {
        String name = catalogueNameById.getOrDefault(skill.skillId(), skill.skillName());
        List<Skill> known = hcm.skills();
        Optional<Skill> match = known.stream()
                .filter(s -> toCatalogue(s.id(), s.name()).equals(skill.skillId())
                        || key(s.name()).equals(key(name)))
                .findFirst();
        if (match.isEmpty()) {
            // creating "Coaching and Feedback" next to the HCM's "Coaching" would split one skill in two
            known.stream()
                    .filter(s -> nearlyTheSame(s.name(), name))
                    .findFirst()
                    .ifPresent(near -> {
                        throw new PortBusinessException(
                                "HCM",
                                "nearduplicateskill",
                                PortBusinessException.Kind.CONFIGURATION,
                                "the HCM has the skill '" + near.name() + "', close to the catalogue's '" + name + "' ("
                                        + skill.skillId() + "); not creating a second one: add '" + near.name()
                                        + "' to aliases.skills." + skill.skillId()
                                        + " in the catalogue if they are the same"
                                        + " skill, or create '" + name + "' in the HCM, then retry");
                    });
        }
        String hcmId = match.map(Skill::id).orElse(skill.skillId());
        hcm.saveSkill(
                employeeId,
                new EmployeeSkill(
                        hcmId, match.map(Skill::name).orElse(name), skill.yearsOfExperience(), skill.comments()));
    }

    /** One name inside the other as whole words ("Coaching" / "Coaching and Feedback"): likely one skill. */
    static boolean nearlyTheSame(String a, String b) {
        String x = " " + key(a).replaceAll("[^\\p{L}\\p{N}]+", " ").trim() + " ";
        String y = " " + key(b).replaceAll("[^\\p{L}\\p{N}]+", " ").trim() + " ";
        return !x.isBlank() && !y.isBlank() && !x.equals(y) && (x.contains(y) || y.contains(x));
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        return hcm.employee(employeeId).map(this::mapped);
    }

    @Override
    public Optional<Employee> employeeByUsername(String username) {
        return hcm.employeeByUsername(username).map(this::mapped);
    }

    @Override
    public List<Department> departments() {
        return departments.units();
    }

    /** A catalogue department's people are those of the HCM unit of that name and every unit below it. */
    @Override
    public List<Employee> employees(String departmentId) {
        String unit = departments.unitOf(departmentId).orElse(departmentId);
        return hcm.employees(unit).stream().map(this::mapped).toList();
    }

    @Override
    public Optional<PerformanceReview> latestReview(String employeeId) {
        return hcm.latestReview(employeeId);
    }

    @Override
    public List<TrainingRecord> trainingRecords(String employeeId) {
        return hcm.trainingRecords(employeeId);
    }

    @Override
    public TrainingRecord recordTraining(String employeeId, TrainingRecord record) {
        return hcm.recordTraining(employeeId, record);
    }
}

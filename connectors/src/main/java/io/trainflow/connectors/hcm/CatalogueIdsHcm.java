package io.trainflow.connectors.hcm;

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
    public CatalogueIdsHcm(HcmPort hcm, List<Skill> catalogueSkills, Map<String, String> jobTitles,
                           List<Department> catalogueDepartments) {
        this.hcm = hcm;
        this.departments = new CatalogueDepartments(hcm::departments, catalogueDepartments);
        catalogueSkills.forEach(s -> {
            catalogueIdByName.put(key(s.name()), s.id());
            catalogueNameById.put(s.id(), s.name());
        });
        jobTitles.forEach((id, name) -> jobTitleIdByName.put(key(name), id));
    }

    private Employee mapped(Employee e) {
        String title = e.jobTitle() == null ? e.jobTitleId() : jobTitleIdByName.getOrDefault(key(e.jobTitle()), e.jobTitleId());
        Optional<Department> department = departments.of(e.departmentId());
        return new Employee(e.employeeId(), e.username(), e.firstName(), e.lastName(), e.email(), title, e.jobTitle(),
                department.map(Department::id).orElse(e.departmentId()),
                department.map(Department::name).orElse(e.departmentName()), e.managerId());
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    private String toCatalogue(String hcmId, String name) {
        return catalogueIdByName.getOrDefault(key(name), hcmId);
    }

    @Override
    public List<Skill> skills() {
        return hcm.skills().stream().map(s -> new Skill(toCatalogue(s.id(), s.name()), s.name(), s.description())).toList();
    }

    @Override
    public List<EmployeeSkill> skills(String employeeId) {
        return hcm.skills(employeeId).stream().map(s -> new EmployeeSkill(toCatalogue(s.skillId(), s.skillName()),
                s.skillName(), s.yearsOfExperience(), s.comments())).toList();
    }

    /**
     * The HCM's id for the skill of that catalogue id or name; the HCM resolves by name when it has no
     * match, so a skill the HCM lacks goes under the catalogue's name ("Docker", not "docker").
     */
    @Override
    public void saveSkill(String employeeId, EmployeeSkill skill) {
        String name = catalogueNameById.getOrDefault(skill.skillId(), skill.skillName());
        String hcmId = hcm.skills().stream()
                .filter(s -> toCatalogue(s.id(), s.name()).equals(skill.skillId()) || key(s.name()).equals(key(name)))
                .map(Skill::id).findFirst().orElse(skill.skillId());
        hcm.saveSkill(employeeId, new EmployeeSkill(hcmId, name, skill.yearsOfExperience(), skill.comments()));
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

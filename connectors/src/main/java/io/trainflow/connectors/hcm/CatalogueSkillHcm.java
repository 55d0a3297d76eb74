package io.trainflow.connectors.hcm;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An external HCM seen through the skill ids of Trainflow's catalogue. Courses name the skill they
 * teach by the catalogue's id ("python"); OrangeHRM knows it by its own id (2) under the same name
 * ("Python"). Skills are matched by name, case-insensitively, so the handlers compare like with like
 * (without this, a skill the HCM holds at 4/5 would look absent and be written back lower). A skill
 * the catalogue does not name keeps the HCM's id; everything else passes through unchanged.
 */
public final class CatalogueSkillHcm implements HcmPort {

    private final HcmPort hcm;
    private final Map<String, String> catalogueIdByName = new HashMap<>();

    /** @param catalogueSkills the skills the catalogue's courses refer to */
    public CatalogueSkillHcm(HcmPort hcm, List<Skill> catalogueSkills) {
        this.hcm = hcm;
        catalogueSkills.forEach(s -> catalogueIdByName.put(key(s.name()), s.id()));
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

    /** The HCM's id for the skill of that catalogue id or name; the HCM resolves by name when it has no match. */
    @Override
    public void saveSkill(String employeeId, EmployeeSkill skill) {
        String hcmId = hcm.skills().stream()
                .filter(s -> toCatalogue(s.id(), s.name()).equals(skill.skillId())
                        || key(s.name()).equals(key(skill.skillName())))
                .map(Skill::id).findFirst().orElse(skill.skillId());
        hcm.saveSkill(employeeId, new EmployeeSkill(hcmId, skill.skillName(), skill.yearsOfExperience(), skill.comments()));
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        return hcm.employee(employeeId);
    }

    @Override
    public Optional<Employee> employeeByUsername(String username) {
        return hcm.employeeByUsername(username);
    }

    @Override
    public List<Department> departments() {
        return hcm.departments();
    }

    @Override
    public List<Employee> employees(String departmentId) {
        return hcm.employees(departmentId);
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

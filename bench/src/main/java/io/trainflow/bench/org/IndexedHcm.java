package io.trainflow.bench.org;

import io.trainflow.connectors.hcm.Department;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.EmployeeSkill;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.hcm.PerformanceReview;
import io.trainflow.connectors.hcm.Skill;
import io.trainflow.connectors.hcm.SkillLevels;
import io.trainflow.connectors.hcm.TrainingRecord;
import io.trainflow.tests.org.OrgData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sample HCM's behaviour ({@code SampleHcm}) on hash maps: O(1) per call whatever the size
 * of the organisation, so the step handlers answer instantly. Same data, same answers.
 */
final class IndexedHcm implements HcmPort {

    private final List<Department> departments;
    private final List<Skill> skills;
    private final Map<String, Employee> byId;
    private final Map<String, Employee> byUsername;
    private final Map<String, List<Employee>> byDepartment;
    private final Map<String, List<EmployeeSkill>> skillsById = new ConcurrentHashMap<>();
    private final Map<String, Double> ratings;
    private final Map<String, List<TrainingRecord>> records = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final LocalDate loaded;

    IndexedHcm(OrgData.Organisation org, LocalDate loaded) {
        this.loaded = loaded;
        this.departments = org.departments().stream()
                .map(d -> new Department(d.id(), d.name(), d.parentId()))
                .toList();
        this.skills = org.skills().stream()
                .map(s -> new Skill(s.id(), s.name(), s.description()))
                .toList();
        Map<String, String> skillNames =
                org.skills().stream().collect(Collectors.toMap(OrgData.SkillDef::id, OrgData.SkillDef::name));
        Map<String, String> titles =
                org.jobTitles().stream().collect(Collectors.toMap(OrgData.JobTitle::id, OrgData.JobTitle::title));
        Map<String, String> units =
                org.departments().stream().collect(Collectors.toMap(OrgData.Unit::id, OrgData.Unit::name));
        Map<String, String> idOfUsername = org.employees().stream()
                .collect(Collectors.toMap(OrgData.Person::username, OrgData.Person::employeeId));
        this.byId = org.employees().stream()
                .collect(Collectors.toMap(
                        OrgData.Person::employeeId,
                        p -> new Employee(
                                p.employeeId(),
                                p.username(),
                                p.firstName(),
                                p.lastName(),
                                p.username() + "@acme.example",
                                p.jobTitleId(),
                                titles.get(p.jobTitleId()),
                                p.departmentId(),
                                units.get(p.departmentId()),
                                p.manager() == null ? null : idOfUsername.get(p.manager()))));
        this.byUsername = byId.values().stream().collect(Collectors.toMap(Employee::username, Function.identity()));
        this.byDepartment = org.employees().stream()
                .collect(Collectors.groupingBy(
                        OrgData.Person::departmentId,
                        Collectors.mapping(p -> byId.get(p.employeeId()), Collectors.toList())));
        this.ratings = new ConcurrentHashMap<>();
        for (OrgData.Person p : org.employees()) {
            if (p.reviewRating() != null) {
                ratings.put(p.employeeId(), p.reviewRating());
            }
            skillsById.put(
                    p.employeeId(),
                    p.skills() == null
                            ? List.of()
                            : p.skills().entrySet().stream()
                                    .map(e -> SkillLevels.withLevel(
                                            new EmployeeSkill(
                                                    e.getKey(),
                                                    skillNames.getOrDefault(e.getKey(), e.getKey()),
                                                    e.getValue(),
                                                    null),
                                            e.getValue(),
                                            null))
                                    .toList());
        }
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        return Optional.ofNullable(byId.get(employeeId));
    }

    @Override
    public Optional<Employee> employeeByUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public List<Department> departments() {
        return departments;
    }

    /** The benchmark's departments have no sub-units. */
    @Override
    public List<Employee> employees(String departmentId) {
        return byDepartment.getOrDefault(departmentId, List.of());
    }

    @Override
    public List<Skill> skills() {
        return skills;
    }

    @Override
    public List<EmployeeSkill> skills(String employeeId) {
        return skillsById.getOrDefault(employeeId, List.of());
    }

    @Override
    public void saveSkill(String employeeId, EmployeeSkill skill) {
        skillsById.compute(employeeId, (id, list) -> {
            List<EmployeeSkill> changed = new ArrayList<>(list == null ? List.of() : list);
            changed.removeIf(s -> s.skillId().equals(skill.skillId()));
            changed.add(skill);
            return List.copyOf(changed);
        });
    }

    @Override
    public Optional<PerformanceReview> latestReview(String employeeId) {
        Double rating = ratings.get(employeeId);
        if (rating == null) {
            return Optional.empty();
        }
        LocalDate end = loaded.minusDays(150);
        return Optional.of(new PerformanceReview(
                "R-" + employeeId + "-0",
                employeeId,
                end.minusMonths(6).plusDays(1),
                end,
                loaded.minusDays(120),
                rating,
                "Annual review"));
    }

    @Override
    public List<TrainingRecord> trainingRecords(String employeeId) {
        return List.copyOf(records.getOrDefault(employeeId, List.of()));
    }

    @Override
    public TrainingRecord recordTraining(String employeeId, TrainingRecord record) {
        TrainingRecord stored = new TrainingRecord(
                "TR-" + employeeId + "-" + nextId.getAndIncrement(),
                record.name(),
                record.number(),
                record.issuedDate(),
                record.expiryDate());
        records.computeIfAbsent(employeeId, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(stored);
        return stored;
    }
}

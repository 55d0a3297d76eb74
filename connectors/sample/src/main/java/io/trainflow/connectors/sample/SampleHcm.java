package io.trainflow.connectors.sample;

import io.trainflow.connectors.hcm.Department;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.EmployeeSkill;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.hcm.PerformanceReview;
import io.trainflow.connectors.hcm.Skill;
import io.trainflow.connectors.hcm.SkillLevels;
import io.trainflow.connectors.hcm.TrainingRecord;
import io.trainflow.connectors.jdbc.Json;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The sample HCM: employees, skills and reviews from {@code organisation.json}; supervisor
 * changes, skill updates, training records and new reviews kept in {@link SampleState}.
 */
public class SampleHcm implements HcmPort {

    static final String STATE_KEY = "hcm";

    /** What changed since loading; a key present in {@code managers} overrides the file (null: no manager). */
    static final class State {
        public Map<String, String> managers = new LinkedHashMap<>();
        public Map<String, List<EmployeeSkill>> skills = new LinkedHashMap<>();
        public Map<String, List<TrainingRecord>> trainingRecords = new LinkedHashMap<>();
        public Map<String, List<PerformanceReview>> reviews = new LinkedHashMap<>();
        public int nextId = 1;
    }

    private final SampleData.Organisation data;
    private final Map<String, SampleData.Person> people = new LinkedHashMap<>();
    private final LocalDate loaded;
    private final Clock clock;
    private final SampleState store;
    private final State state;

    /** Job title id to name, as the catalogue's roles refer to them. */
    Map<String, String> jobTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        data.jobTitles().forEach(j -> titles.put(j.id(), j.title()));
        return titles;
    }

    SampleHcm(SampleData.Organisation data, LocalDate loaded, Clock clock, SampleState store) {
        this.data = data;
        data.employees().forEach(p -> people.put(p.employeeId(), p));
        this.loaded = loaded;
        this.clock = clock;
        this.store = store;
        this.state =
                store.load(STATE_KEY).map(json -> Json.read(json, State.class)).orElseGet(State::new);
    }

    @Override
    public synchronized Optional<Employee> employee(String employeeId) {
        return Optional.ofNullable(people.get(employeeId)).map(this::toEmployee);
    }

    @Override
    public synchronized Optional<Employee> employeeByUsername(String username) {
        return people.values().stream()
                .filter(p -> p.username().equals(username))
                .findFirst()
                .map(this::toEmployee);
    }

    private Employee toEmployee(SampleData.Person p) {
        String manager = state.managers.containsKey(p.employeeId()) ? state.managers.get(p.employeeId()) : p.manager();
        String managerId = manager == null ? null : idOf(manager).orElse(null);
        String jobTitle = data.jobTitles().stream()
                .filter(j -> j.id().equals(p.jobTitleId()))
                .map(SampleData.JobTitle::title)
                .findFirst()
                .orElse(null);
        String department = data.departments().stream()
                .filter(d -> d.id().equals(p.departmentId()))
                .map(SampleData.Unit::name)
                .findFirst()
                .orElse(null);
        return new Employee(
                p.employeeId(),
                p.username(),
                p.firstName(),
                p.lastName(),
                p.username() + "@acme.example",
                p.jobTitleId(),
                jobTitle,
                p.departmentId(),
                department,
                managerId);
    }

    private Optional<String> idOf(String username) {
        return people.values().stream()
                .filter(p -> p.username().equals(username))
                .map(SampleData.Person::employeeId)
                .findFirst();
    }

    @Override
    public List<Department> departments() {
        return data.departments().stream()
                .map(d -> new Department(d.id(), d.name(), d.parentId()))
                .toList();
    }

    @Override
    public synchronized List<Employee> employees(String departmentId) {
        Set<String> units = new HashSet<>();
        units.add(departmentId);
        // the sub-unit and every unit below it, as OrangeHRM lists them
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SampleData.Unit d : data.departments()) {
                if (d.parentId() != null && units.contains(d.parentId())) {
                    grew |= units.add(d.id());
                }
            }
        }
        return people.values().stream()
                .filter(p -> units.contains(p.departmentId()))
                .map(this::toEmployee)
                .toList();
    }

    @Override
    public List<Skill> skills() {
        return data.skills().stream()
                .map(s -> new Skill(s.id(), s.name(), s.description()))
                .toList();
    }

    @Override
    public synchronized List<EmployeeSkill> skills(String employeeId) {
        List<EmployeeSkill> changed = state.skills.get(employeeId);
        if (changed != null) {
            return List.copyOf(changed);
        }
        SampleData.Person p = people.get(employeeId);
        if (p == null || p.skills() == null) {
            return List.of();
        }
        return p.skills().entrySet().stream()
                .map(e -> new EmployeeSkill(e.getKey(), skillName(e.getKey()), e.getValue(), null))
                .map(s -> SkillLevels.withLevel(s, s.yearsOfExperience(), null))
                .toList();
    }

    private String skillName(String skillId) {
        return data.skills().stream()
                .filter(s -> s.id().equals(skillId))
                .map(SampleData.SkillDef::name)
                .findFirst()
                .orElse(skillId);
    }

    @Override
    public synchronized void saveSkill(String employeeId, EmployeeSkill skill) {
        List<EmployeeSkill> list = new ArrayList<>(skills(employeeId));
        list.removeIf(s -> s.skillId().equals(skill.skillId()));
        list.add(skill);
        state.skills.put(employeeId, list);
        save();
    }

    @Override
    public synchronized Optional<PerformanceReview> latestReview(String employeeId) {
        List<PerformanceReview> reviews = new ArrayList<>();
        SampleData.Person p = people.get(employeeId);
        if (p != null && p.reviewRating() != null) {
            LocalDate end = loaded.minusDays(150);
            reviews.add(new PerformanceReview(
                    "R-" + employeeId + "-0",
                    employeeId,
                    end.minusMonths(6).plusDays(1),
                    end,
                    loaded.minusDays(120),
                    p.reviewRating(),
                    "Annual review"));
        }
        reviews.addAll(state.reviews.getOrDefault(employeeId, List.of()));
        // later completion wins; on the same day the one recorded last
        return reviews.stream().reduce((a, b) -> b.completedDate().isBefore(a.completedDate()) ? a : b);
    }

    /** Records a new completed review dated today, as a manager would after the training. */
    public synchronized PerformanceReview setReviewRating(String employeeId, double rating) {
        requireEmployee(employeeId);
        LocalDate today = LocalDate.now(clock);
        LocalDate start =
                latestReview(employeeId).map(r -> r.periodEnd().plusDays(1)).orElse(today.minusMonths(6));
        PerformanceReview review = new PerformanceReview(
                "R-" + employeeId + "-" + state.nextId++,
                employeeId,
                start.isAfter(today) ? today : start,
                today,
                today,
                rating,
                "Review after training");
        state.reviews.computeIfAbsent(employeeId, k -> new ArrayList<>()).add(review);
        save();
        return review;
    }

    /** Moves an employee to another supervisor (null: none), as an HR change in the HCM would. */
    public synchronized void changeSupervisor(String employeeId, String newManagerUsername) {
        requireEmployee(employeeId);
        if (newManagerUsername != null) {
            String managerId = idOf(newManagerUsername)
                    .orElseThrow(() -> new IllegalArgumentException("no employee with username " + newManagerUsername));
            // walk up from the new manager: meeting the employee would make a reporting loop
            for (String id = managerId;
                    id != null;
                    id = employee(id).map(Employee::managerId).orElse(null)) {
                if (id.equals(employeeId)) {
                    throw new IllegalArgumentException(newManagerUsername + " reports to " + employeeId);
                }
            }
        }
        state.managers.put(employeeId, newManagerUsername);
        save();
    }

    @Override
    public synchronized List<TrainingRecord> trainingRecords(String employeeId) {
        return List.copyOf(state.trainingRecords.getOrDefault(employeeId, List.of()));
    }

    @Override
    public synchronized TrainingRecord recordTraining(String employeeId, TrainingRecord record) {
        requireEmployee(employeeId);
        List<TrainingRecord> records = state.trainingRecords.computeIfAbsent(employeeId, k -> new ArrayList<>());
        Optional<TrainingRecord> existing = records.stream()
                .filter(r -> Objects.equals(r.name(), record.name()))
                .findFirst();
        String id = existing.map(TrainingRecord::recordId).orElseGet(() -> "TR-" + employeeId + "-" + state.nextId++);
        TrainingRecord stored =
                new TrainingRecord(id, record.name(), record.number(), record.issuedDate(), record.expiryDate());
        records.removeIf(r -> r.recordId().equals(id));
        records.add(stored);
        records.sort(Comparator.comparing(TrainingRecord::recordId));
        save();
        return stored;
    }

    private void requireEmployee(String employeeId) {
        if (!people.containsKey(employeeId)) {
            throw new IllegalArgumentException("no employee " + employeeId);
        }
    }

    private void save() {
        store.save(STATE_KEY, Json.write(state));
    }
}

package io.trainflow.connectors.orangehrm;

import io.trainflow.connectors.hcm.*;
import io.trainflow.connectors.hcm.EmployeeSkill;
import io.trainflow.connectors.orangehrm.error.OrangeHrmBusinessException;
import io.trainflow.connectors.orangehrm.model.*;
import java.math.BigDecimal;
import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link HcmPort} on OrangeHRM 5.x API v2, as a facade over the Camel routes.
 * <ul>
 * <li>Employee ids are OrangeHRM empNumbers. Usernames come from the system users
 *     ({@code /admin/users}, Admin role needed): an employee without a user has none.
 *     Emails are not read (contact details are not needed by the processes).</li>
 * <li>A relation OrangeHRM sends as an object of nulls ({@code "subunit": {"id": null}}) is "none".</li>
 * <li>The manager is the first supervisor with reporting method "Direct", else the first one.</li>
 * <li>Skill levels: OrangeHRM has no proficiency field; the level travels in the comment as
 *     {@code proficiency=N/5} ({@link SkillLevels}), written and read back unchanged.</li>
 * <li>Training records are licences, one per licence type per employee: recording a training again
 *     updates that licence, recording the same one twice writes nothing, and a missing licence type
 *     is created first (check, then act).</li>
 * </ul>
 */
public class OrangeHrmHcm implements HcmPort {

    private static final int COMPLETED = 4;
    private final OrangeHrmCalls hrm;

    public OrangeHrmHcm(OrangeHrmCalls hrm) {
        this.hrm = hrm;
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        Long emp = empNumber(employeeId);
        if (emp == null) {
            return Optional.empty();
        }
        PimEmployee e;
        try {
            e = hrm.employee(emp);
        } catch (OrangeHrmBusinessException.NotFound unknown) {
            return Optional.empty();
        }
        JobDetails job = hrm.jobDetails(emp);
        String manager = manager(hrm.supervisors(emp));
        return Optional.of(employee(
                e, job.getJobTitle(), job.getSubunit(), manager, usernames().get(emp)));
    }

    @Override
    public Optional<Employee> employeeByUsername(String username) {
        return hrm.users(username).stream()
                .filter(u -> username.equals(u.getUserName()) && !Boolean.TRUE.equals(u.getDeleted()))
                .map(SystemUser::getEmployee)
                .filter(Objects::nonNull)
                .map(EmployeeSummary::getEmpNumber)
                .filter(Objects::nonNull)
                .findFirst()
                .flatMap(emp -> employee(String.valueOf(emp)));
    }

    @Override
    public List<Department> departments() {
        List<Department> result = new ArrayList<>();
        hrm.subunitTree().forEach(root -> flatten(root, null, result));
        return result;
    }

    private static void flatten(Subunit unit, String parentId, List<Department> into) {
        String id = String.valueOf(unit.getId());
        into.add(new Department(id, unit.getName(), parentId));
        Optional.ofNullable(unit.getChildren()).orElse(List.of()).forEach(child -> flatten(child, id, into));
    }

    @Override
    public List<Employee> employees(String departmentId) {
        Set<String> units = new HashSet<>();
        units.add(departmentId);
        List<Department> all = departments();
        if (all.stream().noneMatch(d -> d.id().equals(departmentId))) {
            return List.of();
        }
        for (boolean grew = true; grew; ) { // the sub-unit and every unit below it
            grew = false;
            for (Department d : all) {
                if (d.parentId() != null && units.contains(d.parentId())) {
                    grew |= units.add(d.id());
                }
            }
        }
        List<PimEmployee> members = hrm.employeesDetailed().stream()
                .filter(e -> e.getSubunit() != null
                        && e.getSubunit().getId() != null
                        && units.contains(String.valueOf(e.getSubunit().getId())))
                .toList();
        Map<Long, String> usernames = members.isEmpty() ? Map.of() : usernames();
        return members.stream()
                .map(e -> employee(e, e.getJobTitle(), e.getSubunit(), managerOf(e), usernames.get(e.getEmpNumber())))
                .toList();
    }

    /** The detailed list names supervisors without the reporting method; ask only when there is a choice. */
    private String managerOf(PimEmployee e) {
        List<EmployeeSummary> sups = Optional.ofNullable(e.getSupervisors()).orElse(List.of());
        if (sups.size() <= 1) {
            return sups.isEmpty() ? null : id(sups.get(0).getEmpNumber());
        }
        return manager(hrm.supervisors(e.getEmpNumber()));
    }

    private static String manager(List<Supervision> supervisors) {
        return supervisors.stream()
                .filter(s -> s.getSupervisor() != null)
                .sorted(Comparator.comparing(s -> !"Direct"
                        .equals(
                                s.getReportingMethod() == null
                                        ? null
                                        : s.getReportingMethod().getName())))
                .map(s -> id(s.getSupervisor().getEmpNumber()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private Map<Long, String> usernames() {
        return hrm.users(null).stream()
                .filter(u -> u.getEmployee() != null
                        && u.getEmployee().getEmpNumber() != null
                        && !Boolean.TRUE.equals(u.getDeleted()))
                .collect(Collectors.toMap(u -> u.getEmployee().getEmpNumber(), SystemUser::getUserName, (a, b) -> a));
    }

    private static Employee employee(
            PimEmployee e, JobTitleRef title, NamedRef unit, String managerId, String username) {
        boolean hasTitle = title != null && title.getId() != null;
        boolean hasUnit = unit != null && unit.getId() != null;
        return new Employee(
                id(e.getEmpNumber()),
                username,
                e.getFirstName(),
                e.getLastName(),
                null,
                hasTitle ? id(title.getId()) : null,
                hasTitle ? title.getTitle() : null,
                hasUnit ? id(unit.getId()) : null,
                hasUnit ? unit.getName() : null,
                managerId);
    }

    @Override
    public List<Skill> skills() {
        return hrm.skills().stream()
                .map(s -> new Skill(id(s.getId()), s.getName(), s.getDescription()))
                .toList();
    }

    @Override
    public List<EmployeeSkill> skills(String employeeId) {
        Long emp = empNumber(employeeId);
        if (emp == null) {
            return List.of();
        }
        try {
            return hrm.employeeSkills(emp).stream()
                    .filter(s -> s.getSkill() != null)
                    .map(s -> new EmployeeSkill(
                            id(s.getSkill().getId()),
                            s.getSkill().getName(),
                            s.getYearsOfExperience(),
                            s.getComments()))
                    .toList();
        } catch (OrangeHrmBusinessException.NotFound unknown) {
            return List.of();
        }
    }

    /** Adds the skill, or updates it when the employee has it; an identical entry is not written again. */
    @Override
    public void saveSkill(String employeeId, EmployeeSkill skill) {
        long emp = requireEmpNumber(employeeId);
        long skillId = skillId(skill);
        Optional<EmployeeSkill> current = skills(employeeId).stream()
                .filter(s -> s.skillId().equals(String.valueOf(skillId)))
                .findFirst();
        if (current.isPresent()) {
            if (Objects.equals(current.get().yearsOfExperience(), skill.yearsOfExperience())
                    && Objects.equals(current.get().comments(), skill.comments())) {
                return;
            }
            hrm.updateEmployeeSkill(
                    emp,
                    skillId,
                    new EmployeeSkillUpdate()
                            .yearsOfExperience(skill.yearsOfExperience())
                            .comments(skill.comments()));
        } else {
            hrm.addEmployeeSkill(
                    emp,
                    new EmployeeSkillInput()
                            .skillId(skillId)
                            .yearsOfExperience(skill.yearsOfExperience())
                            .comments(skill.comments()));
        }
    }

    /**
     * The skill's OrangeHRM id; a non-numeric id is looked up by name in the organisation's list and,
     * when OrangeHRM has no skill of that name, the skill is created first (check, then act), so a
     * course teaching a skill new to the organisation records it rather than stopping on an incident.
     */
    private long skillId(EmployeeSkill skill) {
        Long id = empNumber(skill.skillId());
        if (id != null) {
            return id;
        }
        String name = skill.skillName() != null && !skill.skillName().isBlank()
                ? skill.skillName().trim()
                : skill.skillId();
        if (name == null || name.isBlank()) {
            throw new OrangeHrmBusinessException.InvalidParameter(
                    422, "skillId", "a skill to save needs an OrangeHRM id or a name (fields skillId/skillName)");
        }
        Optional<Long> existing = orgSkillId(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return hrm.createSkill(name, null).getId();
        } catch (OrangeHrmBusinessException.InvalidParameter taken) {
            // OrangeHRM refuses a duplicate name: someone created it between our check and our write
            return orgSkillId(name).orElseThrow(() -> taken);
        }
    }

    private Optional<Long> orgSkillId(String name) {
        return hrm.skills().stream()
                .filter(s -> s.getName() != null && s.getName().trim().equalsIgnoreCase(name))
                .map(OrgSkill::getId)
                .findFirst();
    }

    @Override
    public Optional<PerformanceReview> latestReview(String employeeId) {
        Long emp = empNumber(employeeId);
        if (emp == null) {
            return Optional.empty();
        }
        Optional<Review> latest = hrm.managedReviews().stream()
                .filter(r ->
                        r.getEmployee() != null && emp.equals(r.getEmployee().getEmpNumber()))
                .filter(r -> r.getOverallStatus() != null
                        && Objects.equals(r.getOverallStatus().getStatusId(), COMPLETED))
                .max(Comparator.comparing(Review::getReviewPeriodEnd, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Review::getId));
        return latest.map(r -> hrm.finalEvaluation(r.getId()))
                .filter(f -> f.getFinalRating() != null)
                .map(f -> new PerformanceReview(
                        id(f.getId()),
                        employeeId,
                        f.getReviewPeriodStart(),
                        f.getReviewPeriodEnd(),
                        f.getCompletedDate(),
                        f.getFinalRating(),
                        f.getFinalComment()));
    }

    /** The supervisor's KPI ratings of a review, with the KPI titles and scales. */
    public List<ReviewKpiRating> kpiRatings(String reviewId) {
        Long id = empNumber(reviewId);
        if (id == null) {
            return List.of();
        }
        SupervisorEvaluationEnvelope evaluation = hrm.supervisorEvaluation(id);
        Map<Long, Kpi> kpis =
                Optional.ofNullable(evaluation.getMeta())
                        .map(SupervisorEvaluationMeta::getKpis)
                        .orElse(List.of())
                        .stream()
                        .collect(Collectors.toMap(Kpi::getId, Function.identity(), (a, b) -> a));
        return Optional.ofNullable(evaluation.getData()).orElse(List.of()).stream()
                .map(r -> {
                    Long kpiId = r.getKpi() == null ? null : r.getKpi().getId();
                    Kpi kpi = kpis.get(kpiId);
                    return new ReviewKpiRating(
                            id(kpiId),
                            kpi == null ? null : kpi.getTitle(),
                            decimal(r.getRating()),
                            kpi == null || kpi.getMinRating() == null ? null : BigDecimal.valueOf(kpi.getMinRating()),
                            kpi == null || kpi.getMaxRating() == null ? null : BigDecimal.valueOf(kpi.getMaxRating()),
                            r.getComment());
                })
                .toList();
    }

    private static BigDecimal decimal(String rating) {
        if (rating == null || rating.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(rating.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("OrangeHRM sent a KPI rating that is not a number: '" + rating + "'");
        }
    }

    @Override
    public List<TrainingRecord> trainingRecords(String employeeId) {
        Long emp = empNumber(employeeId);
        if (emp == null) {
            return List.of();
        }
        try {
            return hrm.employeeLicenses(emp).stream()
                    .filter(l -> l.getLicense() != null)
                    .map(OrangeHrmHcm::record)
                    .toList();
        } catch (OrangeHrmBusinessException.NotFound unknown) {
            return List.of();
        }
    }

    @Override
    public TrainingRecord recordTraining(String employeeId, TrainingRecord record) {
        long emp = requireEmpNumber(employeeId);
        if (record.name() == null || record.name().isBlank()) {
            throw new OrangeHrmBusinessException.InvalidParameter(
                    422, "name", "a training record needs a name (field name): it becomes the OrangeHRM licence type");
        }
        Optional<TrainingRecord> held = trainingRecords(employeeId).stream()
                .filter(r -> r.name().equalsIgnoreCase(record.name().trim()))
                .findFirst();
        if (held.isPresent()) {
            TrainingRecord h = held.get();
            if (Objects.equals(h.number(), record.number())
                    && Objects.equals(h.issuedDate(), record.issuedDate())
                    && Objects.equals(h.expiryDate(), record.expiryDate())) {
                return h; // recorded already: writing it again would change nothing
            }
            return record(hrm.updateEmployeeLicense(
                    emp,
                    Long.parseLong(h.recordId()),
                    new EmployeeLicenseUpdate()
                            .licenseNo(record.number())
                            .issuedDate(record.issuedDate())
                            .expiryDate(record.expiryDate())));
        }
        long licenseId = licenceType(record.name().trim());
        return record(hrm.addEmployeeLicense(
                emp,
                new EmployeeLicenseInput()
                        .licenseId(licenseId)
                        .licenseNo(record.number())
                        .issuedDate(record.issuedDate())
                        .expiryDate(record.expiryDate())));
    }

    /** The licence type of that name, created when missing; a concurrent creation is picked up, not duplicated. */
    private long licenceType(String name) {
        Optional<Long> existing = licenceTypeId(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return hrm.createLicense(name).getId();
        } catch (OrangeHrmBusinessException.InvalidParameter taken) {
            // OrangeHRM refuses a duplicate name: someone created it between our check and our write
            return licenceTypeId(name).orElseThrow(() -> taken);
        }
    }

    private Optional<Long> licenceTypeId(String name) {
        return hrm.licenses().stream()
                .filter(l -> l.getName() != null && l.getName().equalsIgnoreCase(name))
                .map(OrgLicense::getId)
                .findFirst();
    }

    private static TrainingRecord record(EmployeeLicenseEntry l) {
        return new TrainingRecord(
                id(l.getLicense().getId()),
                l.getLicense().getName(),
                l.getLicenseNo(),
                l.getIssuedDate(),
                l.getExpiryDate());
    }

    private static long requireEmpNumber(String employeeId) {
        Long emp = empNumber(employeeId);
        if (emp == null) {
            throw new OrangeHrmBusinessException.InvalidParameter(
                    422, "employeeId", "not an OrangeHRM empNumber (field employeeId): '" + employeeId + "'");
        }
        return emp;
    }

    private static Long empNumber(String id) {
        try {
            return id == null ? null : Long.valueOf(id.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String id(Long id) {
        return id == null ? null : String.valueOf(id);
    }
}

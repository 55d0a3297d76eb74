package io.trainflow.connectors.hcm;

import java.util.List;
import java.util.Optional;

/**
 * What Trainflow needs from a human-capital-management system, shaped after OrangeHRM 5.7 API v2
 * (and mappable to SCIM 2.0): employees with job title, sub-unit and supervisor; skills with
 * years and a comment; completed trainings as licences; performance reviews.
 * Look-ups that find nothing return empty results, never errors.
 */
public interface HcmPort {

    Optional<Employee> employee(String employeeId);

    /** The employee whose system user has this username. */
    Optional<Employee> employeeByUsername(String username);

    /** All sub-units (departments) of the organisation. */
    List<Department> departments();

    /** Current employees of a sub-unit and of the sub-units below it; empty for an unknown id. */
    List<Employee> employees(String departmentId);

    /** The organisation's skill list. */
    List<Skill> skills();

    /** The skills recorded for one employee. */
    List<EmployeeSkill> skills(String employeeId);

    /** Adds or replaces one skill of an employee (one entry per skill). */
    void saveSkill(String employeeId, EmployeeSkill skill);

    /** The most recent completed performance review. */
    Optional<PerformanceReview> latestReview(String employeeId);

    /** Completed trainings and certifications (OrangeHRM licences). */
    List<TrainingRecord> trainingRecords(String employeeId);

    /**
     * Records a completed training. Upsert: an employee holds one record per training name
     * (OrangeHRM allows one licence per licence type), so recording it again updates it.
     *
     * @return the stored record, with its id
     */
    TrainingRecord recordTraining(String employeeId, TrainingRecord record);
}

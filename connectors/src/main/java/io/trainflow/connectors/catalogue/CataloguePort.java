package io.trainflow.connectors.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * Trainflow's own training catalogue: data neither the LMS nor the HCM holds. Role requirements
 * (skills and levels per job title), what each LMS course teaches and costs, scheduled sessions
 * with seats and trainers, and department training budgets. Course ids are LMS course ids;
 * skill ids and department ids are HCM ids.
 */
public interface CataloguePort {

    List<Role> roles();

    default Optional<Role> role(String roleId) {
        return roles().stream().filter(r -> r.roleId().equals(roleId)).findFirst();
    }

    /** The role an HCM job title maps to; several job titles may share a role. */
    default Optional<Role> roleForJobTitle(String jobTitleId) {
        return roles().stream()
                .filter(r -> r.jobTitleIds().contains(jobTitleId))
                .findFirst();
    }

    /** What Trainflow knows about each LMS course it offers: skills, tags, cost. */
    List<CourseOffering> offerings();

    Optional<CourseOffering> offering(String courseId);

    /** Sessions of a course (past ones included), earliest first, with the seats left now. */
    List<TrainingSession> sessions(String courseId);

    /**
     * Books a seat for a learner. Idempotent: booking the same learner twice takes one seat.
     *
     * @param reference why (e.g. the request id), kept with the booking
     * @return false when the session is unknown or full and the learner holds no seat
     */
    boolean reserveSeat(String sessionId, String username, String reference);

    /** Training budget of a department (HCM sub-unit) for the current period. */
    Optional<DepartmentBudget> budget(String departmentId);
}

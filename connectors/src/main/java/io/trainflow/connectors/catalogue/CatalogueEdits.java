package io.trainflow.connectors.catalogue;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.Json;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Changes to the catalogue tables read by {@link JdbcCatalogue}: courses (with their title, which the workflow
 * takes from the LMS), sessions, roles and budgets. Each change is one transaction; callers check who may make it
 * and audit it. Values are assumed valid (the REST layer and the import validate them).
 */
public final class CatalogueEdits {

    /**
     * A course as L&amp;D edits it.
     *
     * @param lmsShortname the LMS course's shortname (Moodle finds the course by it); null: the course id is
     */
    public record Course(
            String courseId,
            String title,
            BigDecimal cost,
            String currency,
            List<String> skillIds,
            List<String> tags,
            String lmsShortname) {
        public Course {
            skillIds = skillIds == null ? List.of() : List.copyOf(skillIds);
            tags = tags == null ? List.of() : List.copyOf(tags);
            lmsShortname = lmsShortname == null || lmsShortname.isBlank() ? null : lmsShortname;
        }

        /** A course whose id is its shortname in the LMS. */
        public Course(
                String courseId,
                String title,
                BigDecimal cost,
                String currency,
                List<String> skillIds,
                List<String> tags) {
            this(courseId, title, cost, currency, skillIds, tags, null);
        }
    }

    /** A session as L&amp;D edits it; {@code seatsTakenElsewhere} are seats booked outside Trainflow. */
    public record Session(
            String sessionId,
            String courseId,
            Instant start,
            Instant end,
            int seats,
            int seatsTakenElsewhere,
            String trainer,
            String style) {}

    private final Jdbc jdbc;
    private final Clock clock;

    public CatalogueEdits(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        TrainflowSchema.ensure(dataSource);
    }

    public List<Course> courses() {
        return JdbcCatalogue.query(
                jdbc,
                "SELECT course_id, title, cost, currency, skill_ids, tags, lms_shortname FROM tf_course"
                        + " ORDER BY course_id",
                r -> new Course(
                        r.getString(1),
                        r.getString(2),
                        r.getBigDecimal(3),
                        r.getString(4),
                        Json.read(r.getString(5), JdbcCatalogue.LIST),
                        Json.read(r.getString(6), JdbcCatalogue.LIST),
                        r.getString(7)));
    }

    public Optional<Course> course(String courseId) {
        return courses().stream().filter(c -> c.courseId().equals(courseId)).findFirst();
    }

    /** Adds or replaces a course; returns whether it was new. */
    public boolean putCourse(Course course) {
        return jdbc.inTransaction(c -> putCourse(c, course));
    }

    boolean putCourse(Connection c, Course course) throws SQLException {
        Object[] values = {
            course.title(),
            course.cost(),
            course.currency(),
            Json.write(course.skillIds()),
            Json.write(course.tags()),
            course.lmsShortname(),
            clock.instant().atOffset(ZoneOffset.UTC),
            course.courseId()
        };
        if (update(
                        c,
                        "UPDATE tf_course SET title = ?, cost = ?, currency = ?, skill_ids = ?, tags = ?,"
                                + " lms_shortname = ?, updated_at = ? WHERE course_id = ?",
                        values)
                > 0) {
            return false;
        }
        update(
                c,
                "INSERT INTO tf_course (title, cost, currency, skill_ids, tags, lms_shortname, updated_at, course_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                values);
        return true;
    }

    /** Removes a course with its sessions and their bookings; false when there was none. */
    public boolean deleteCourse(String courseId) {
        return jdbc.inTransaction(c -> update(c, "DELETE FROM tf_course WHERE course_id = ?", courseId) > 0);
    }

    public List<TrainingSession> sessions(String courseId) {
        return jdbc.inTransaction(c -> JdbcCatalogue.sessions(c, "s.course_id = ?", courseId));
    }

    /** Adds or replaces a session of an existing course; returns whether it was new. */
    public boolean putSession(Session session) {
        return jdbc.inTransaction(c -> putSession(c, session));
    }

    boolean putSession(Connection c, Session s) throws SQLException {
        Object[] values = {
            s.courseId(),
            s.start().atOffset(ZoneOffset.UTC),
            s.end().atOffset(ZoneOffset.UTC),
            s.seats(),
            s.seatsTakenElsewhere(),
            s.trainer(),
            s.style(),
            s.sessionId()
        };
        if (update(
                        c,
                        "UPDATE tf_course_session SET course_id = ?, starts_at = ?, ends_at = ?, seats = ?,"
                                + " seats_taken_elsewhere = ?, trainer = ?, style = ? WHERE session_id = ?",
                        values)
                > 0) {
            return false;
        }
        update(
                c,
                "INSERT INTO tf_course_session (course_id, starts_at, ends_at, seats, seats_taken_elsewhere, trainer,"
                        + " style, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                values);
        return true;
    }

    public boolean deleteSession(String sessionId) {
        return jdbc.inTransaction(c -> update(c, "DELETE FROM tf_course_session WHERE session_id = ?", sessionId) > 0);
    }

    /** Adds or replaces a department's budget; returns whether it was new. */
    public boolean putBudget(DepartmentBudget budget) {
        return jdbc.inTransaction(c -> putBudget(c, budget));
    }

    boolean putBudget(Connection c, DepartmentBudget b) throws SQLException {
        Object[] values = {
            BigDecimal.valueOf(b.allocated()), BigDecimal.valueOf(b.spent()), b.owner(), b.currency(), b.departmentId()
        };
        if (update(
                        c,
                        "UPDATE tf_budget SET allocated = ?, spent = ?, owner = ?, currency = ? WHERE department_id = ?",
                        values)
                > 0) {
            return false;
        }
        update(
                c,
                "INSERT INTO tf_budget (allocated, spent, owner, currency, department_id) VALUES (?, ?, ?, ?, ?)",
                values);
        return true;
    }

    public boolean deleteBudget(String departmentId) {
        return jdbc.inTransaction(c -> update(c, "DELETE FROM tf_budget WHERE department_id = ?", departmentId) > 0);
    }

    /** Adds or replaces a role and the skill levels it requires; returns whether it was new. */
    public boolean putRole(Role role) {
        return jdbc.inTransaction(c -> putRole(c, role));
    }

    boolean putRole(Connection c, Role role) throws SQLException {
        Object[] values = {
            role.title(),
            Json.write(role.jobTitleIds()),
            Json.write(new java.util.TreeMap<>(role.requiredSkills())),
            role.roleId()
        };
        if (update(c, "UPDATE tf_role SET title = ?, job_title_ids = ?, required_skills = ? WHERE role_id = ?", values)
                > 0) {
            return false;
        }
        update(c, "INSERT INTO tf_role (title, job_title_ids, required_skills, role_id) VALUES (?, ?, ?, ?)", values);
        return true;
    }

    public boolean deleteRole(String roleId) {
        return jdbc.inTransaction(c -> update(c, "DELETE FROM tf_role WHERE role_id = ?", roleId) > 0);
    }

    /**
     * Adds or replaces the names of one catalogue skill, job title or department; without a name, only its other
     * names are replaced. Returns whether the id had none before.
     */
    public boolean putName(HcmName name) {
        return jdbc.inTransaction(c -> putName(c, name));
    }

    boolean putName(Connection c, HcmName n) throws SQLException {
        String which = "kind = ? AND catalogue_id = ?" + (n.name() == null ? " AND alias = TRUE" : "");
        boolean fresh = update(c, "DELETE FROM tf_hcm_name WHERE " + which, n.kind(), n.catalogueId()) == 0;
        String insert = "INSERT INTO tf_hcm_name (kind, catalogue_id, name, alias) VALUES (?, ?, ?, ?)";
        if (n.name() != null) {
            update(c, insert, n.kind(), n.catalogueId(), n.name(), false);
        }
        for (String alias : new java.util.LinkedHashSet<>(n.aliases())) {
            if (!alias.equalsIgnoreCase(n.name()) && !(n.name() == null && hasName(c, n, alias))) {
                update(c, insert, n.kind(), n.catalogueId(), alias, true);
            }
        }
        return fresh;
    }

    private static boolean hasName(Connection c, HcmName n, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM tf_hcm_name WHERE kind = ? AND catalogue_id = ? AND name = ? AND alias = FALSE")) {
            ps.setString(1, n.kind());
            ps.setString(2, n.catalogueId());
            ps.setString(3, name);
            try (java.sql.ResultSet r = ps.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Runs several edits in one transaction (an import is all or nothing). */
    <T> T inOneTransaction(Jdbc.Work<T> work) {
        return jdbc.inTransaction(work);
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}

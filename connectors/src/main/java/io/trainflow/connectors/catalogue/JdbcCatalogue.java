package io.trainflow.connectors.catalogue;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.Json;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;

/**
 * The catalogue in Trainflow's database (tables {@code tf_course}, {@code tf_course_session}, {@code tf_role},
 * {@code tf_budget}): every call reads the tables, so an edit (a new price) holds for the very next request,
 * with no rebuild and no restart. Edited through {@link CatalogueEdits}.
 */
public final class JdbcCatalogue implements CataloguePort {

    static final TypeReference<List<String>> LIST = new TypeReference<>() {};
    static final TypeReference<Map<String, Integer>> LEVELS = new TypeReference<>() {};

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcCatalogue(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        TrainflowSchema.ensure(dataSource);
    }

    @Override
    public List<Role> roles() {
        return query(
                "SELECT role_id, title, job_title_ids, required_skills FROM tf_role ORDER BY role_id",
                r -> new Role(
                        r.getString(1),
                        r.getString(2),
                        Json.read(r.getString(3), LIST),
                        Json.read(r.getString(4), LEVELS)));
    }

    @Override
    public List<CourseOffering> offerings() {
        return query(
                "SELECT course_id, skill_ids, tags, cost, currency FROM tf_course ORDER BY course_id",
                r -> new CourseOffering(
                        r.getString(1),
                        Json.read(r.getString(2), LIST),
                        Json.read(r.getString(3), LIST),
                        r.getBigDecimal(4).doubleValue(),
                        r.getString(5)),
                new Object[0]);
    }

    @Override
    public Optional<CourseOffering> offering(String courseId) {
        return query(
                        "SELECT course_id, skill_ids, tags, cost, currency FROM tf_course WHERE course_id = ?",
                        r -> new CourseOffering(
                                r.getString(1),
                                Json.read(r.getString(2), LIST),
                                Json.read(r.getString(3), LIST),
                                r.getBigDecimal(4).doubleValue(),
                                r.getString(5)),
                        courseId)
                .stream()
                .findFirst();
    }

    @Override
    public List<TrainingSession> sessions(String courseId) {
        return jdbc.inTransaction(c -> sessions(c, "s.course_id = ?", courseId));
    }

    static List<TrainingSession> sessions(Connection c, String where, String value) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT s.session_id, s.course_id, s.starts_at, s.ends_at, s.seats,"
                        + " s.seats_taken_elsewhere + (SELECT COUNT(*) FROM tf_session_booking b WHERE b.session_id = s.session_id),"
                        + " s.trainer, s.style FROM tf_course_session s WHERE " + where
                        + " ORDER BY s.starts_at, s.session_id")) {
            ps.setString(1, value);
            List<TrainingSession> found = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    found.add(new TrainingSession(
                            r.getString(1),
                            r.getString(2),
                            r.getObject(3, OffsetDateTime.class).toInstant(),
                            r.getObject(4, OffsetDateTime.class).toInstant(),
                            r.getInt(5),
                            r.getInt(6),
                            r.getString(7),
                            r.getString(8)));
                }
            }
            return found;
        }
    }

    /** Locks the session's row, so two requests racing for the last seat cannot both get it. */
    @Override
    public boolean reserveSeat(String sessionId, String username, String reference) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement lock =
                    c.prepareStatement("SELECT session_id FROM tf_course_session WHERE session_id = ? FOR UPDATE")) {
                lock.setString(1, sessionId);
                try (ResultSet r = lock.executeQuery()) {
                    if (!r.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement held =
                    c.prepareStatement("SELECT 1 FROM tf_session_booking WHERE session_id = ? AND username = ?")) {
                held.setString(1, sessionId);
                held.setString(2, username);
                try (ResultSet r = held.executeQuery()) {
                    if (r.next()) {
                        return true;
                    }
                }
            }
            TrainingSession session = sessions(c, "s.session_id = ?", sessionId).get(0);
            if (session.seatsLeft() == 0) {
                return false;
            }
            try (PreparedStatement book = c.prepareStatement("INSERT INTO tf_session_booking"
                    + " (session_id, username, reference, booked_at) VALUES (?, ?, ?, ?)")) {
                book.setString(1, sessionId);
                book.setString(2, username);
                book.setString(3, reference);
                book.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
                book.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public Optional<DepartmentBudget> budget(String departmentId) {
        return query(
                        "SELECT department_id, allocated, spent, owner, currency FROM tf_budget WHERE department_id = ?",
                        r -> new DepartmentBudget(
                                r.getString(1),
                                r.getBigDecimal(2).doubleValue(),
                                r.getBigDecimal(3).doubleValue(),
                                r.getString(4),
                                r.getString(5)),
                        departmentId)
                .stream()
                .findFirst();
    }

    /** All budgets, by department id. */
    public List<DepartmentBudget> budgets() {
        return query(
                "SELECT department_id, allocated, spent, owner, currency FROM tf_budget ORDER BY department_id",
                r -> new DepartmentBudget(
                        r.getString(1),
                        r.getBigDecimal(2).doubleValue(),
                        r.getBigDecimal(3).doubleValue(),
                        r.getString(4),
                        r.getString(5)),
                new Object[0]);
    }

    /** Catalogue course id to the LMS course's shortname (the course id where none is set). */
    public Map<String, String> lmsShortnames() {
        Map<String, String> shortnames = new java.util.LinkedHashMap<>();
        query(
                        "SELECT course_id, COALESCE(lms_shortname, course_id) FROM tf_course ORDER BY course_id",
                        r -> Map.entry(r.getString(1), r.getString(2)),
                        new Object[0])
                .forEach(e -> shortnames.put(e.getKey(), e.getValue()));
        return shortnames;
    }

    /** The names an HCM may use for the catalogue's skills, job titles and departments, by kind then id. */
    public List<HcmName> hcmNames() {
        record Row(String kind, String id, String name, boolean alias) {}
        Map<String, String> names = new java.util.LinkedHashMap<>();
        Map<String, List<String>> aliases = new java.util.LinkedHashMap<>();
        for (Row r : query(
                "SELECT kind, catalogue_id, name, alias FROM tf_hcm_name ORDER BY kind, catalogue_id, alias, name",
                r -> new Row(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4)),
                new Object[0])) {
            String key = r.kind() + "\n" + r.id();
            aliases.computeIfAbsent(key, k -> new ArrayList<>());
            if (r.alias()) {
                aliases.get(key).add(r.name());
            } else {
                names.put(key, r.name());
            }
        }
        return aliases.entrySet().stream()
                .map(e -> {
                    String[] kindAndId = e.getKey().split("\n", 2);
                    return new HcmName(kindAndId[0], kindAndId[1], names.get(e.getKey()), e.getValue());
                })
                .toList();
    }

    /** Whether no course was imported or added yet (production starts so; the health check says so). */
    public boolean isEmpty() {
        return query("SELECT 1 FROM tf_course FETCH FIRST 1 ROWS ONLY", r -> 1, new Object[0])
                .isEmpty();
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... params) {
        return query(jdbc, sql, row, params);
    }

    static <T> List<T> query(Jdbc jdbc, String sql, Row<T> row, Object... params) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<T> found = new ArrayList<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        found.add(row.map(r));
                    }
                }
                return found;
            }
        });
    }
}

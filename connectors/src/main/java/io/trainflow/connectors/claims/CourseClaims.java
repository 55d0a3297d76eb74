package io.trainflow.connectors.claims;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Which open training request holds each of an employee's courses (issue 10: one open request per employee and
 * course). The check and the claim run in one transaction under a row lock on the employee
 * ({@code tf_employee_lock}), so two requests of one employee checked at the same moment, on one node or on two
 * sharing the database, take turns: the second sees the first's claim. A claim of a request that is no longer
 * open is free again; the engine says which are open.
 */
public final class CourseClaims {

    private final Jdbc jdbc;
    private final Clock clock;

    public CourseClaims(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        TrainflowSchema.ensure(dataSource); // V8__course_claims
    }

    /** The employee's claims as they stand: course id -> the request holding it (open or not). */
    public Map<String, String> of(String employeeId) {
        return jdbc.inTransaction(c -> claims(c, employeeId));
    }

    /**
     * Under the employee's lock: the courses of {@code courseIds} another open request holds (course id -> that
     * request); the others are {@code requestId}'s from now on, and courses it held before but no longer lists
     * are given up.
     *
     * @param otherOpen asked inside the lock: the employee's other open requests, oldest first, each with the
     *                  courses it holds if it has no claim (a request checked before claims were kept)
     */
    public Map<String, String> claim(
            String employeeId,
            String requestId,
            List<String> courseIds,
            Supplier<Map<String, List<String>>> otherOpen) {
        return jdbc.inTransaction(c -> {
            lock(c, employeeId);
            Map<String, List<String>> open = otherOpen.get();
            Map<String, String> before = claims(c, employeeId);
            Map<String, String> heldElsewhere = new LinkedHashMap<>();
            for (Map.Entry<String, String> claim : before.entrySet()) {
                String course = claim.getKey();
                String holder = claim.getValue();
                if (holder.equals(requestId) ? !courseIds.contains(course) : !open.containsKey(holder)) {
                    delete(c, employeeId, course); // given up, or its request has ended
                } else if (!holder.equals(requestId)) {
                    heldElsewhere.put(course, holder);
                }
            }
            open.forEach((request, courses) -> {
                if (!before.containsValue(request)) {
                    courses.forEach(course -> heldElsewhere.putIfAbsent(course, request));
                }
            });
            Map<String, String> mine = claims(c, employeeId);
            Map<String, String> refused = new LinkedHashMap<>();
            for (String course : courseIds) {
                String holder = heldElsewhere.get(course);
                if (holder != null) {
                    refused.put(course, holder);
                } else if (!requestId.equals(mine.get(course))) {
                    insert(c, employeeId, course, requestId);
                }
            }
            return refused;
        });
    }

    /** The row lock every check of this employee takes first; held until the transaction ends. */
    private void lock(Connection c, String employeeId) throws SQLException {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        Jdbc.upsert(
                c,
                conn -> {
                    try (PreparedStatement ps =
                            conn.prepareStatement("UPDATE tf_employee_lock SET locked_at = ? WHERE employee_id = ?")) {
                        ps.setObject(1, now);
                        ps.setString(2, employeeId);
                        return ps.executeUpdate();
                    }
                },
                conn -> {
                    try (PreparedStatement ps = conn.prepareStatement(
                            "INSERT INTO tf_employee_lock (employee_id, locked_at) VALUES (?, ?)")) {
                        ps.setString(1, employeeId);
                        ps.setObject(2, now);
                        return ps.executeUpdate();
                    }
                });
    }

    private static Map<String, String> claims(Connection c, String employeeId) throws SQLException {
        Map<String, String> claims = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT course_id, request_id FROM tf_course_claim WHERE employee_id = ? ORDER BY claimed_at, course_id")) {
            ps.setString(1, employeeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claims.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return claims;
    }

    private void insert(Connection c, String employeeId, String course, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tf_course_claim (employee_id, course_id, request_id, claimed_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, employeeId);
            ps.setString(2, course);
            ps.setString(3, requestId);
            ps.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private static void delete(Connection c, String employeeId, String course) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM tf_course_claim WHERE employee_id = ? AND course_id = ?")) {
            ps.setString(1, employeeId);
            ps.setString(2, course);
            ps.executeUpdate();
        }
    }
}

package io.trainflow.connectors.moodle.completion;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What the completion poll has learnt, in Trainflow's database so a restart asks Moodle nothing
 * it already knows: when each learner's completion was last read from Moodle
 * ({@code tf_moodle_completion_check}) and the course completions seen, which Moodle does not
 * undo ({@code tf_moodle_course_completed}). SQL that H2 and PostgreSQL both run.
 */
public final class JdbcCompletionChecks {

    private static final int IN_LIST = 500;

    private final Jdbc jdbc;

    public JdbcCompletionChecks(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource);
    }

    /** When each of these learners was last checked; learners never checked are absent. */
    public Map<String, Instant> lastChecks(Collection<String> usernames) {
        Map<String, Instant> found = new HashMap<>();
        forChunks(
                usernames,
                "SELECT username, checked_at FROM tf_moodle_completion_check WHERE username IN ",
                rs -> found.put(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
        return found;
    }

    /** Completions already seen, as username|moodleCourseId. */
    public Set<String> completed(Collection<String> usernames) {
        Set<String> found = new HashSet<>();
        forChunks(
                usernames,
                "SELECT username, course_id FROM tf_moodle_course_completed WHERE username IN ",
                rs -> found.add(rs.getString(1) + "|" + rs.getLong(2)));
        return found;
    }

    /** Records one poll's checks (all at {@code checkedAt}) and the completions they found, in one transaction. */
    public void record(Collection<String> checked, Instant checkedAt, Map<String, Set<Long>> newlyCompleted) {
        OffsetDateTime at = checkedAt.atOffset(ZoneOffset.UTC);
        jdbc.inTransaction(c -> {
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE tf_moodle_completion_check SET checked_at = ? WHERE username = ?")) {
                List<String> missing = new ArrayList<>();
                for (String username : checked) {
                    update.setObject(1, at);
                    update.setString(2, username);
                    if (update.executeUpdate() == 0) {
                        missing.add(username);
                    }
                }
                insert(
                        c,
                        "INSERT INTO tf_moodle_completion_check (checked_at, username) VALUES (?, ?)",
                        missing,
                        (ps, u) -> ps.setObject(1, at));
            }
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO tf_moodle_course_completed (username, course_id) VALUES (?, ?)")) {
                for (Map.Entry<String, Set<Long>> e : newlyCompleted.entrySet()) {
                    for (Long course : e.getValue()) {
                        insert.setString(1, e.getKey());
                        insert.setLong(2, course);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps, String username) throws SQLException;
    }

    private static void insert(java.sql.Connection c, String sql, List<String> usernames, Binder first)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String username : usernames) {
                first.bind(ps, username);
                ps.setString(2, username);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void forChunks(Collection<String> usernames, String select, Row row) {
        List<String> all = List.copyOf(usernames);
        for (int i = 0; i < all.size(); i += IN_LIST) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_LIST));
            jdbc.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(select + "(" + "?,".repeat(chunk.size() - 1) + "?)")) {
                    for (int p = 0; p < chunk.size(); p++) {
                        ps.setString(p + 1, chunk.get(p));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            row.read(rs);
                        }
                    }
                }
                return null;
            });
        }
    }
}

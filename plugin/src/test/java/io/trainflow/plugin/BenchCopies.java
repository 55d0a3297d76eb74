package io.trainflow.plugin;

import io.trainflow.workflows.engine.EmployeeSearch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * For {@link InboxBench}: fills an inbox fast by copying, in batched SQL, the rows the engine and Trainflow wrote for
 * the sample tasks in the tables the inbox reads. Every column is copied as written; a copy gets a fresh id (the
 * sample's id and the copy round), is created and due {@code round} hours earlier, and its facts name another person.
 */
final class BenchCopies {

    private static final int BATCH = 1_000;

    /** The campaign one copy in ten belongs to. */
    static final String CAMPAIGN = "bench-campaign";

    private BenchCopies() {}

    static void copy(DataSource db, String assignee, int sample, int tasks) throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT ID_ FROM ACT_RU_TASK WHERE ASSIGNEE_ = ? ORDER BY ID_")) {
                select.setString(1, assignee);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        ids.add(result.getString(1));
                    }
                }
            }
            int made = ids.size();
            for (int round = 1; made < tasks; round++) {
                int r = round;
                List<String> batch = ids.subList(0, Math.min(ids.size(), tasks - made));
                for (int from = 0; from < batch.size(); from += BATCH) {
                    List<String> part = batch.subList(from, Math.min(batch.size(), from + BATCH));
                    int first = made + from;
                    copyRows(connection, "ACT_RU_TASK", "ID_", part, (column, row) -> switch (column) {
                        case "ID_" -> row.get("ID_") + "-" + r;
                        case "CREATE_TIME_", "DUE_DATE_", "CLAIM_TIME_" -> earlier(row.get(column), r);
                        default -> row.get(column);
                    });
                    copyRows(connection, "ACT_RU_VARIABLE", "TASK_ID_", part, (column, row) -> switch (column) {
                        case "ID_", "TASK_ID_" -> row.get(column) + "-" + r;
                        default -> row.get(column);
                    });
                    copyRows(connection, "ACT_RU_IDENTITYLINK", "TASK_ID_", part, (column, row) -> switch (column) {
                        case "ID_", "TASK_ID_" -> row.get(column) + "-" + r;
                        default -> row.get(column);
                    });
                    Map<String, Integer> person = new HashMap<>();
                    for (int i = 0; i < part.size(); i++) {
                        person.put(part.get(i), first + i);
                    }
                    copyRows(connection, "TF_INBOX_FACT", "TASK_ID", part, (column, row) -> {
                        int n = person.get((String) row.get("TASK_ID"));
                        return switch (column) {
                            case "TASK_ID" -> row.get(column) + "-" + r;
                            case "REQUEST_ID" -> "BENCH-" + n;
                            case "EMPLOYEE_ID" -> String.valueOf(100_000 + n);
                            case "EMPLOYEE_NAME" -> "Person " + n;
                            case "EMPLOYEE_SEARCH" -> ("person " + n + " " + (100_000 + n)).toLowerCase(Locale.ROOT);
                            // one task in ten belongs to a campaign
                            case "CAMPAIGN" -> n % 10 == 0 ? CAMPAIGN : row.get(column);
                            default -> row.get(column);
                        };
                    });
                    names(connection, part, person, r);
                    copyRows(connection, "TF_INBOX_EXCLUDED", "TASK_ID", part, (column, row) -> switch (column) {
                        case "TASK_ID" -> row.get(column) + "-" + r;
                        // the learner of the copy is the copy's person; the requester stays
                        case "USERNAME" ->
                            ((String) row.get(column)).startsWith("person.")
                                    ? "person." + person.get((String) row.get("TASK_ID"))
                                    : row.get(column);
                        default -> row.get(column);
                    });
                    connection.commit();
                }
                made += batch.size();
            }
        }
    }

    /** The search's word starts (V12) of each copy's person, as Trainflow writes them for a task. */
    private static void names(Connection connection, List<String> part, Map<String, Integer> person, int round)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO TF_INBOX_NAME (TASK_ID, TAIL) VALUES (?, ?)")) {
            for (String id : part) {
                int n = person.get(id);
                for (String tail : EmployeeSearch.tails("Person " + n, String.valueOf(100_000 + n))) {
                    insert.setString(1, id + "-" + round);
                    insert.setString(2, tail);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Statistics for the planner after a bulk load (PostgreSQL's autovacuum would do it a little later). */
    static void analyze(DataSource db) throws SQLException {
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    static String anyTask(DataSource db, String assignee) {
        try (Connection connection = db.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT MIN(ID_) FROM ACT_RU_TASK WHERE ASSIGNEE_ = ?")) {
            select.setString(1, assignee);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A write that changes nothing but counts as a change of the task table. */
    static void touch(DataSource db, String taskId) {
        try (Connection connection = db.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE ACT_RU_TASK SET PRIORITY_ = PRIORITY_ WHERE ID_ = ?")) {
            update.setString(1, taskId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object earlier(Object value, int hours) {
        return value instanceof Timestamp t ? Timestamp.from(t.toInstant().minus(Duration.ofHours(hours))) : value;
    }

    /** Copies the rows of {@code table} whose {@code key} is one of {@code ids}, each column through {@code value}. */
    private static void copyRows(
            Connection connection,
            String table,
            String key,
            List<String> ids,
            BiFunction<String, Map<String, Object>, Object> value)
            throws SQLException {
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement select =
                connection.prepareStatement("SELECT * FROM " + table + " WHERE " + key + " IN (" + in + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<String> columns = new ArrayList<>();
                List<Integer> types = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    columns.add(meta.getColumnName(c).toUpperCase(Locale.ROOT));
                    types.add(meta.getColumnType(c));
                }
                String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
                try (PreparedStatement copy = connection.prepareStatement(insert)) {
                    while (result.next()) {
                        Map<String, Object> row = new HashMap<>();
                        for (int c = 0; c < columns.size(); c++) {
                            Object v = types.get(c) == java.sql.Types.TIMESTAMP
                                    ? result.getTimestamp(c + 1)
                                    : result.getObject(c + 1);
                            row.put(columns.get(c), v);
                        }
                        for (int c = 0; c < columns.size(); c++) {
                            Object v = value.apply(columns.get(c), row);
                            if (v == null) {
                                copy.setNull(c + 1, types.get(c));
                            } else {
                                copy.setObject(c + 1, v);
                            }
                        }
                        copy.addBatch();
                    }
                    copy.executeBatch();
                }
            }
        }
    }
}

package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.EmployeeSearch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of {@code tf_inbox_fact}, {@code tf_inbox_excluded} (migration V10) and {@code tf_inbox_name} (V12): written on the engine command's
 * own connection, so they commit and roll back with the task they describe. Values are cut to their column's size:
 * a too-long name must not abort the engine's transaction.
 */
final class InboxFactRows {

    /** What the inbox list shows and filters by for one open task, and whom separation of duties keeps away from it. */
    record Fact(
            String taskId,
            String processInstanceId,
            String requestId,
            String employeeId,
            String requestedBy,
            Map<String, Object> employee,
            String campaign,
            boolean decision,
            String level,
            Double pathCost,
            String onBehalfOf,
            Instant followUp,
            String formId,
            Set<String> keptAway) {}

    private InboxFactRows() {}

    static void write(Connection connection, Fact fact) {
        try {
            String name = text(fact.employee().get("displayName"));
            // name and id as the search finds them: the profile's id, else the request's
            Object id = fact.employee().getOrDefault("employeeId", fact.employeeId());
            String search = ((name == null ? "" : name) + " " + (id == null ? "" : id))
                    .strip()
                    .toLowerCase(java.util.Locale.ROOT);
            Object[] values = {
                cut(fact.processInstanceId(), 64),
                cut(fact.requestId(), 200),
                cut(fact.employeeId(), 200),
                cut(fact.requestedBy(), 200),
                cut(name, 400),
                cut(search, 700),
                cut(text(fact.employee().get("jobTitle")), 400),
                cut(text(fact.employee().get("roleId")), 200),
                cut(text(fact.employee().get("department")), 200),
                cut(text(fact.employee().get("managerUsername")), 200),
                cut(fact.campaign(), 200),
                fact.decision(),
                cut(fact.level(), 64),
                fact.pathCost(),
                cut(fact.onBehalfOf(), 200),
                fact.followUp() == null ? null : Timestamp.from(fact.followUp()),
                cut(fact.formId(), 200),
                fact.taskId()
            };
            int updated;
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE tf_inbox_fact SET process_instance_id = ?,"
                            + " request_id = ?, employee_id = ?, requested_by = ?, employee_name = ?, employee_search = ?, job_title = ?,"
                            + " role_id = ?, department = ?, manager_username = ?, campaign = ?, decision = ?, level = ?, path_cost = ?,"
                            + " on_behalf_of = ?, follow_up = ?, form_id = ? WHERE task_id = ?")) {
                bind(update, values);
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO tf_inbox_fact (process_instance_id,"
                                + " request_id, employee_id, requested_by, employee_name, employee_search, job_title, role_id, department,"
                                + " manager_username, campaign, decision, level, path_cost, on_behalf_of, follow_up, form_id, task_id)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(insert, values);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM tf_inbox_excluded WHERE task_id = ?")) {
                delete.setString(1, fact.taskId());
                delete.executeUpdate();
            }
            writeNames(connection, fact.taskId(), name, id == null ? null : id.toString());
            if (!fact.keptAway().isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO tf_inbox_excluded (task_id, username) VALUES (?, ?)")) {
                    for (String user : fact.keptAway()) {
                        insert.setString(1, fact.taskId());
                        insert.setString(2, cut(user, 200));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not write the inbox facts of task " + fact.taskId() + ": " + e.getMessage(), e);
        }
    }

    /** The rows the search by employee finds the task by (V12, {@link EmployeeSearch#tails}), written anew. */
    private static void writeNames(Connection connection, String taskId, String name, String id) throws SQLException {
        List<String> tails = EmployeeSearch.tails(name, id);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tf_inbox_name WHERE task_id = ?")) {
            delete.setString(1, taskId);
            delete.executeUpdate();
        }
        if (!tails.isEmpty()) {
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO tf_inbox_name (task_id, tail) VALUES (?, ?)")) {
                for (String tail : tails) {
                    insert.setString(1, taskId);
                    insert.setString(2, tail);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    static void delete(Connection connection, String taskId) {
        try (PreparedStatement facts = connection.prepareStatement("DELETE FROM tf_inbox_fact WHERE task_id = ?");
                PreparedStatement excluded =
                        connection.prepareStatement("DELETE FROM tf_inbox_excluded WHERE task_id = ?");
                PreparedStatement names = connection.prepareStatement("DELETE FROM tf_inbox_name WHERE task_id = ?")) {
            facts.setString(1, taskId);
            facts.executeUpdate();
            excluded.setString(1, taskId);
            excluded.executeUpdate();
            names.setString(1, taskId);
            names.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not delete the inbox facts of task " + taskId + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, i == 13 ? Types.DOUBLE : i == 15 ? Types.TIMESTAMP : Types.VARCHAR);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String cut(String value, int size) {
        return value == null || value.length() <= size ? value : value.substring(0, size);
    }
}

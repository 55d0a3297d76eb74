package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.EmployeeSearch;
import io.trainflow.workflows.engine.InboxFilter;
import io.trainflow.workflows.engine.InboxTask;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.ProcessEngine;

/**
 * One page of a person's inbox in one SQL query over the engine's task table and Trainflow's inbox facts
 * ({@link InboxFacts}, {@code tf_inbox_fact}). The visible tasks are a union of two selects, each ordered and cut
 * to the page's end on its own so the database can walk an index ({@code TF_IDX_TASK_INBOX}, {@link ExtraIndexes})
 * instead of sorting every open task: assigned to the user; unassigned and offered to the user or their groups.
 * Separation of duties is a condition of both ({@code tf_inbox_excluded}: kept away unless the task decides nothing
 * and is assigned to them by name, see {@code Duties.keptAway}), so a task they may not see never takes a place on
 * a page. A task without facts (made before they existed, or by a process the listener missed) comes back marked,
 * for the caller to check the slow way. Standard SQL (H2, PostgreSQL).
 */
final class InboxQuery {

    private static final String ORDER = " ORDER BY DUE_DATE_ ASC NULLS LAST, PRIORITY_ DESC, CREATE_TIME_ ASC, ID_ ASC";
    /**
     * The same order inside a branch (where the identity link's ID_ would be ambiguous), led by the assignee, which
     * the branch holds constant: H2 walks an index in ORDER BY's order only when its first column is named too.
     */
    private static final String BRANCH_ORDER = ORDER.replace("BY ", "BY RES.ASSIGNEE_, RES.")
            .replace(", ", ", RES.")
            .replace("RES.RES.", "RES.");

    private static final String COLUMNS = "RES.ID_, RES.NAME_, RES.TASK_DEF_KEY_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_,"
            + " RES.ASSIGNEE_, RES.CREATE_TIME_, RES.DUE_DATE_, RES.PRIORITY_, F.TASK_ID AS FACT_TASK, F.REQUEST_ID, F.EMPLOYEE_ID,"
            + " F.REQUESTED_BY, F.EMPLOYEE_NAME, F.JOB_TITLE, F.ROLE_ID, F.DEPARTMENT, F.MANAGER_USERNAME, F.CAMPAIGN, F.LEVEL,"
            + " F.PATH_COST, F.ON_BEHALF_OF, F.FOLLOW_UP, F.FORM_ID";

    private final ProcessEngine engine;
    private final String user;
    private final List<String> groups;
    private final InboxFilter filter;
    private final Instant now;
    /** The tasks the employee search finds (null before it ran, or without a search). */
    private List<String> named;

    /** Up to this many tasks found by name, the page starts from them; above it, from the person's tasks in order. */
    static final int SELECTIVE = 1_000;

    InboxQuery(ProcessEngine engine, String user, Set<String> groups, InboxFilter filter, Instant now) {
        this.engine = engine;
        this.user = user;
        this.groups = groups.stream().sorted().toList();
        this.filter = filter;
        this.now = now;
    }

    /**
     * On PostgreSQL, {@code LIKE 'prefix%'} uses a plain index only under the C collation; the search's word starts
     * get an index in pattern order too (V12's own index serves H2, whose comparison is by code point).
     */
    static void ensureIndexes(javax.sql.DataSource dataSource) {
        // nodes starting together on a fresh PostgreSQL: the second CREATE would clash in pg_class, IF NOT EXISTS or
        // not
        io.trainflow.connectors.jdbc.StartupLock.around(dataSource, "inbox-indexes", () -> {
            createIndexes(dataSource);
            return null;
        });
    }

    private static void createIndexes(javax.sql.DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            if (connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres")) {
                statement.execute("CREATE INDEX IF NOT EXISTS tf_inbox_name_pattern ON tf_inbox_name"
                        + " (tail varchar_pattern_ops, task_id)");
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not index the inbox's name search: " + e.getMessage(), e);
        }
    }

    /** A task of a page: its view when it had facts, else only its id for the caller to check and read; its place. */
    record Row(String taskId, InboxTask view, InboxSeek key) {}

    /**
     * Up to {@code max} rows in inbox order, after {@code after} when given (keyset paging: the database starts
     * reading at that place in its index) and then from position {@code first}. Tasks with a due date come first,
     * so a place among them is read in two steps: the rest of the dated ones, then (if the page is not full) the
     * undated ones; each step is one statement that can walk the index from its start.
     */
    List<Row> rows(InboxSeek after, int first, int max) {
        if (after == null) {
            return rows(null, null, first, max);
        }
        if (after.due() == null) {
            return rows(after, Boolean.FALSE, first, max);
        }
        List<Row> rows = new ArrayList<>(rows(after, Boolean.TRUE, first, max));
        if (rows.size() < max) {
            rows.addAll(rows(null, Boolean.FALSE, Math.max(0, first - rows.size()), max - rows.size()));
        }
        return rows;
    }

    /**
     * One statement: {@code dated} true for tasks with a due date only, false for those without, null for both; with
     * {@code after}, only the tasks after it in inbox order. On a connection of its own outside any engine command (a
     * read needs no transaction; on a busy machine each round trip costs).
     */
    private List<Row> rows(InboxSeek after, Boolean dated, int first, int max) {
        try (Connection connection =
                engine.getProcessEngineConfiguration().getDataSource().getConnection()) {
            named(connection);
            return rows(connection, after, dated, first, max);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inbox of " + user + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tasks (anyone's) whose learner the search finds, from the index of the names' word starts (V12), up to one
     * more than {@link #SELECTIVE}: read once per query, before the page's statement, because a database planning
     * both in one statement walks every task of the person instead (H2 did, at seconds for 100,000 tasks).
     */
    private void named(Connection connection) throws SQLException {
        if (named != null || !InboxFilter.present(filter.employee())) {
            return;
        }
        String pattern = EmployeeSearch.pattern(filter.employee());
        if (pattern == null) {
            named = List.of(); // nothing but punctuation: no name matches it
            return;
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT TASK_ID FROM TF_INBOX_NAME"
                + " WHERE TAIL LIKE ? ESCAPE '\\' FETCH FIRST " + (SELECTIVE + 1) + " ROWS ONLY")) {
            statement.setString(1, pattern);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
        }
        named = ids;
    }

    private List<Row> rows(Connection connection, InboxSeek after, Boolean dated, int first, int max)
            throws SQLException {
        // with a few named tasks, the database should start from them (by id), not walk the inbox index in order
        String branchOrder = named != null && named.size() <= SELECTIVE
                ? ORDER.replace("BY ", "BY RES.").replace(", ", ", RES.")
                : BRANCH_ORDER;
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM ((SELECT ")
                .append(COLUMNS)
                .append(
                        " FROM ACT_RU_TASK RES LEFT JOIN TF_INBOX_FACT F ON F.TASK_ID = RES.ID_ WHERE RES.ASSIGNEE_ = ?");
        parameters.add(user);
        conditions(sql, parameters, after, dated);
        sql.append(branchOrder)
                .append(" FETCH FIRST ")
                .append(first + max)
                .append(" ROWS ONLY) UNION (SELECT DISTINCT ")
                .append(COLUMNS)
                .append(" FROM ACT_RU_TASK RES JOIN ACT_RU_IDENTITYLINK L ON L.TASK_ID_ = RES.ID_")
                .append(
                        " LEFT JOIN TF_INBOX_FACT F ON F.TASK_ID = RES.ID_ WHERE L.TYPE_ = 'candidate' AND RES.ASSIGNEE_ IS NULL")
                .append(" AND (L.USER_ID_ = ?");
        parameters.add(user);
        if (!groups.isEmpty()) {
            sql.append(" OR L.GROUP_ID_ IN (")
                    .append(String.join(", ", Collections.nCopies(groups.size(), "?")))
                    .append(')');
            parameters.addAll(groups);
        }
        sql.append(')');
        conditions(sql, parameters, after, dated);
        sql.append(branchOrder)
                .append(" FETCH FIRST ")
                .append(first + max)
                .append(" ROWS ONLY)) RES")
                .append(ORDER)
                .append(" OFFSET ")
                .append(first)
                .append(" ROWS FETCH NEXT ")
                .append(max)
                .append(" ROWS ONLY");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result));
                }
            }
            return withGroups(connection, rows);
        }
    }

    /**
     * Only tasks after {@code after} in inbox order ({@link #ORDER}), spelt out column by column (the order mixes
     * directions, so no row comparison); led by a plain range on the due date the index can start from.
     */
    private static void seek(StringBuilder sql, List<Object> parameters, InboxSeek after, Boolean dated) {
        if (Boolean.TRUE.equals(dated)) {
            sql.append(" AND RES.DUE_DATE_ IS NOT NULL");
        } else if (Boolean.FALSE.equals(dated)) {
            sql.append(" AND RES.DUE_DATE_ IS NULL");
        }
        if (after == null) {
            return;
        }
        String tie = "(RES.PRIORITY_ < ? OR (RES.PRIORITY_ = ? AND (RES.CREATE_TIME_ > ? OR (RES.CREATE_TIME_ = ?"
                + " AND RES.ID_ > ?))))";
        List<Object> tieParameters = List.of(
                after.priority(),
                after.priority(),
                Timestamp.from(after.created()),
                Timestamp.from(after.created()),
                after.id());
        if (after.due() == null) {
            sql.append(" AND ").append(tie);
        } else {
            Timestamp due = Timestamp.from(after.due());
            sql.append(" AND RES.DUE_DATE_ >= ? AND (RES.DUE_DATE_ > ? OR ")
                    .append(tie)
                    .append(')');
            parameters.add(due);
            parameters.add(due);
        }
        parameters.addAll(tieParameters);
    }

    /** The filter's conditions and separation of duties', on {@code RES} (the task) and {@code F} (its facts). */
    private void conditions(StringBuilder sql, List<Object> parameters, InboxSeek after, Boolean dated) {
        seek(sql, parameters, after, dated);
        sql.append(" AND RES.SUSPENSION_STATE_ = 1");
        if (InboxFilter.present(filter.taskType())) {
            sql.append(" AND RES.TASK_DEF_KEY_ = ?");
            parameters.add(filter.taskType().strip());
        }
        if ("overdue".equals(filter.due()) || "week".equals(filter.due())) {
            sql.append(" AND RES.DUE_DATE_ < ?");
            parameters.add(Timestamp.from("week".equals(filter.due()) ? now.plus(Duration.ofDays(7)) : now));
        }
        if (InboxFilter.present(filter.department())) {
            sql.append(" AND F.DEPARTMENT = ?");
            parameters.add(filter.department().strip());
        }
        if (InboxFilter.present(filter.campaign())) {
            sql.append(" AND F.CAMPAIGN = ?");
            parameters.add(filter.campaign().strip());
        }
        if (InboxFilter.present(filter.employee())) {
            if (named.isEmpty()) {
                sql.append(" AND 1 = 0"); // no name starts so
            } else if (named.size() <= SELECTIVE) {
                sql.append(" AND RES.ID_ IN (")
                        .append(String.join(", ", Collections.nCopies(named.size(), "?")))
                        .append(')');
                parameters.addAll(named);
            } else {
                // a name shared by many: walking the person's tasks in order finds a page of them soon
                sql.append(" AND EXISTS (SELECT N.TASK_ID FROM TF_INBOX_NAME N WHERE N.TASK_ID = RES.ID_"
                        + " AND N.TAIL LIKE ? ESCAPE '\\')");
                parameters.add(EmployeeSearch.pattern(filter.employee()));
            }
        }
        sql.append(
                " AND (F.TASK_ID IS NULL OR (RES.ASSIGNEE_ = ? AND F.DECISION = FALSE) OR NOT EXISTS (SELECT X.TASK_ID"
                        + " FROM TF_INBOX_EXCLUDED X WHERE X.TASK_ID = RES.ID_ AND X.USERNAME = ?))");
        parameters.add(user);
        parameters.add(user);
    }

    private Row row(ResultSet result) throws SQLException {
        String id = result.getString("ID_");
        InboxSeek key = InboxSeek.of(
                result.getTimestamp("DUE_DATE_"), result.getInt("PRIORITY_"), result.getTimestamp("CREATE_TIME_"), id);
        if (result.getString("FACT_TASK") == null) {
            return new Row(id, null, key);
        }
        Map<String, Object> employee = new LinkedHashMap<>();
        put(employee, "employeeId", result.getString("EMPLOYEE_ID"));
        put(employee, "displayName", result.getString("EMPLOYEE_NAME"));
        put(employee, "jobTitle", result.getString("JOB_TITLE"));
        put(employee, "roleId", result.getString("ROLE_ID"));
        put(employee, "department", result.getString("DEPARTMENT"));
        put(employee, "managerUsername", result.getString("MANAGER_USERNAME"));
        Map<String, Object> context = new HashMap<>();
        put(context, "requestId", result.getString("REQUEST_ID"));
        put(context, "employeeId", result.getString("EMPLOYEE_ID"));
        put(context, "requestedBy", result.getString("REQUESTED_BY"));
        put(context, "level", result.getString("LEVEL"));
        put(context, "approverOnBehalfOf", result.getString("ON_BEHALF_OF"));
        double cost = result.getDouble("PATH_COST");
        if (!result.wasNull()) {
            context.put("pathCost", cost == Math.rint(cost) && Math.abs(cost) < 1e15 ? (Object) (long) cost : cost);
        }
        Instant due = instant(result.getTimestamp("DUE_DATE_"));
        String definition = result.getString("PROC_DEF_ID_");
        return new Row(
                id,
                new InboxTask(
                        id,
                        result.getString("NAME_"),
                        result.getString("TASK_DEF_KEY_"),
                        result.getString("PROC_INST_ID_"),
                        definition == null ? null : definition.split(":")[0],
                        result.getString("ASSIGNEE_"),
                        List.of(),
                        instant(result.getTimestamp("CREATE_TIME_")),
                        result.getString("REQUEST_ID"),
                        result.getString("EMPLOYEE_ID"),
                        result.getString("REQUESTED_BY"),
                        context,
                        result.getString("FORM_ID"),
                        null,
                        due,
                        instant(result.getTimestamp("FOLLOW_UP")),
                        result.getInt("PRIORITY_"),
                        due != null && due.isBefore(now),
                        employee.isEmpty() ? null : employee,
                        result.getString("CAMPAIGN")),
                key);
    }

    /**
     * The groups each task of the page is offered to, in a second statement on the same connection (joined to the
     * page in the first one, H2 took several times as long).
     */
    private static List<Row> withGroups(Connection connection, List<Row> rows) throws SQLException {
        List<String> ids =
                rows.stream().filter(row -> row.view() != null).map(Row::taskId).toList();
        if (ids.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> groups = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK" + " WHERE GROUP_ID_ IS NOT NULL AND TASK_ID_ IN ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 1, ids.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    groups.computeIfAbsent(result.getString(1), key -> new ArrayList<>())
                            .add(result.getString(2));
                }
            }
        }
        return rows.stream()
                .map(row -> row.view() == null || !groups.containsKey(row.taskId())
                        ? row
                        : new Row(row.taskId(), withGroups(row.view(), groups.get(row.taskId())), row.key()))
                .toList();
    }

    private static InboxTask withGroups(InboxTask t, List<String> groups) {
        return new InboxTask(
                t.id(),
                t.name(),
                t.elementId(),
                t.processInstanceId(),
                t.processKey(),
                t.assignee(),
                List.copyOf(groups),
                t.created(),
                t.requestId(),
                t.employeeId(),
                t.requestedBy(),
                t.context(),
                t.formId(),
                t.form(),
                t.dueDate(),
                t.followUpDate(),
                t.priority(),
                t.overdue(),
                t.employee(),
                t.campaign());
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

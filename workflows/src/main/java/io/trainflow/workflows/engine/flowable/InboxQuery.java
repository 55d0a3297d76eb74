package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.InboxFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.ProcessEngine;
import org.flowable.task.api.Task;

/**
 * One page of a person's inbox in SQL. Flowable's task query puts "assigned to them, or offered to them or their
 * groups" as an OR with a correlated EXISTS on the identity links, which the database evaluates for every open task
 * before it sorts: hundreds of milliseconds at 10,000 tasks. Here the visible tasks are a union of two plain selects
 * (assigned to the user; unassigned and joined to a candidate link of the user or their groups), so the cost stays
 * near that of a plain SQL query on the task table (an IN over the union was no faster on H2). Same conditions as {@link UserTasks#visibleUnordered} plus the inbox filter ({@link InboxFacts} wrote its
 * values as task variables), same order as {@link UserTasks#visibleQuery}. Standard SQL (H2, PostgreSQL).
 */
final class InboxQuery {

    private static final String ORDER = " ORDER BY RES.DUE_DATE_ ASC NULLS LAST, RES.PRIORITY_ DESC, RES.CREATE_TIME_ ASC, RES.ID_ ASC";

    private final ProcessEngine engine;
    private final String sql;
    private final Map<String, Object> parameters = new HashMap<>();

    InboxQuery(ProcessEngine engine, String user, Set<String> groups, InboxFilter filter, Instant now) {
        this.engine = engine;
        parameters.put("user", user);
        StringBuilder candidates = new StringBuilder("L.USER_ID_ = #{user}");
        if (!groups.isEmpty()) {
            candidates.append(" OR L.GROUP_ID_ IN (");
            int i = 0;
            for (String group : groups.stream().sorted().toList()) {
                candidates.append(i == 0 ? "" : ", ").append("#{g").append(i).append('}');
                parameters.put("g" + i++, group);
            }
            candidates.append(')');
        }
        StringBuilder where = new StringBuilder(" AND RES.SUSPENSION_STATE_ = 1");
        if (InboxFilter.present(filter.taskType())) {
            where.append(" AND RES.TASK_DEF_KEY_ = #{taskType}");
            parameters.put("taskType", filter.taskType().strip());
        }
        if ("overdue".equals(filter.due()) || "week".equals(filter.due())) {
            where.append(" AND RES.DUE_DATE_ < #{dueBefore}");
            parameters.put("dueBefore", Date.from("week".equals(filter.due()) ? now.plus(Duration.ofDays(7)) : now));
        }
        if (InboxFilter.present(filter.department())) {
            where.append(variable(InboxFacts.DEPARTMENT, "V.TEXT_ = #{department}"));
            parameters.put("department", filter.department().strip());
        }
        if (InboxFilter.present(filter.campaign())) {
            where.append(variable(InboxFacts.CAMPAIGN, "V.TEXT_ = #{campaign}"));
            parameters.put("campaign", filter.campaign().strip());
        }
        if (InboxFilter.present(filter.employee())) {
            String escaped = filter.employee().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.append(variable(InboxFacts.EMPLOYEE, "LOWER(V.TEXT_) LIKE #{employee} ESCAPE '\\'"));
            parameters.put("employee", "%" + escaped.toLowerCase(java.util.Locale.ROOT) + "%");
        }
        // two branches, each narrowed on its own; UNION drops a task offered twice (to the user and to their group)
        this.sql = "SELECT * FROM (SELECT RES.* FROM ACT_RU_TASK RES WHERE RES.ASSIGNEE_ = #{user}" + where
                + " UNION SELECT RES.* FROM ACT_RU_TASK RES JOIN ACT_RU_IDENTITYLINK L ON L.TASK_ID_ = RES.ID_"
                + " WHERE L.TYPE_ = 'candidate' AND RES.ASSIGNEE_ IS NULL AND (" + candidates + ")" + where + ") RES" + ORDER;
    }

    /** A task-local string variable (an inbox fact) with this name meeting the condition on {@code V}. */
    private static String variable(String name, String condition) {
        return " AND EXISTS (SELECT V.ID_ FROM ACT_RU_VARIABLE V WHERE V.TASK_ID_ = RES.ID_ AND V.NAME_ = '" + name
                + "' AND V.TYPE_ = 'string' AND " + condition + ")";
    }

    /**
     * The tasks at positions {@code first} to {@code first + max - 1}, in inbox order, with their identity links;
     * {@code positions} is how many positions were read (a task completed between the two queries is left out).
     */
    Rows rows(int first, int max) {
        var query = engine.getTaskService().createNativeTaskQuery().sql(sql);
        parameters.forEach(query::parameter);
        List<String> ids = query.listPage(first, max).stream().map(Task::getId).toList();
        if (ids.isEmpty()) {
            return new Rows(List.of(), 0);
        }
        List<Task> rows = new ArrayList<>(engine.getTaskService().createTaskQuery().taskIds(ids).includeIdentityLinks().list());
        rows.sort(Comparator.comparingInt(task -> ids.indexOf(task.getId())));
        return new Rows(rows, ids.size());
    }

    record Rows(List<Task> tasks, int positions) {
    }
}

package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.InboxFilter;
import io.trainflow.workflows.engine.InboxPage;
import io.trainflow.workflows.engine.InboxTask;
import io.trainflow.workflows.engine.UserTaskPort;
import io.trainflow.workflows.forms.TaskForm;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.Execution;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.flowable.variable.api.persistence.entity.VariableInstance;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user-task port on Flowable. A page of the inbox is one SQL query over the engine's task table and the inbox
 * facts ({@link InboxQuery}, {@link InboxFacts}), plus one for the groups of its rows: no process variable is read
 * for the list, and separation of duties is a condition of the query. The list shows a summary of each task (who,
 * department, campaign, cost, level, deputy); one task ({@link #visible}) comes with its whole context. Tasks
 * without facts (none once {@link #backfill} ran) and one task's view are read as before: the executions of their
 * process instances (one query), the variables shown and separation of duties reads (one, plus one per stored
 * object value), identity links. A variable is resolved as Flowable does: the task's own, then its execution's,
 * then up the execution tree to the process instance.
 */
public final class FlowableUserTasks implements UserTaskPort {

    /** Read for the task's summary of the learner, never shown whole (it holds the review rating). */
    private static final String PROFILE = "profile";

    private static final Set<String> READ = Set.copyOf(Stream.of(
                    CONTEXT,
                    TaskCompletionGuard.PARTY_VARIABLES,
                    List.of(PROFILE, InboxFacts.CAMPAIGN, UserTasks.FOLLOW_UP_DATE))
            .flatMap(List::stream)
            .toList());

    /** What the task shows of the learner's profile. */
    static final List<String> EMPLOYEE_KEYS =
            List.of("employeeId", "displayName", "jobTitle", "roleId", "department", "managerUsername");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FlowableUserTasks.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> FORM = new TypeReference<>() {};

    private final ProcessEngine engine;
    private final UserTasks tasks;
    private final TaskCompletionGuard guard;
    private final EngineClock clock;
    private final Directory directory;

    public FlowableUserTasks(TrainflowEngine engine, Directory directory) {
        this.engine = engine.flowable();
        this.directory = directory;
        this.clock = engine.clock();
        this.tasks = new UserTasks(this.engine, directory);
        this.guard = new TaskCompletionGuard(directory);
        io.trainflow.connectors.jdbc.TrainflowSchema.ensure(
                this.engine.getProcessEngineConfiguration().getDataSource()); // V10, V12
        InboxQuery.ensureIndexes(this.engine.getProcessEngineConfiguration().getDataSource());
        InboxFacts facts = new InboxFacts(guard.duties(), this::formIdOf);
        this.engine.getRuntimeService().addEventListener(facts, InboxFacts.EVENTS);
        backfill(facts);
    }

    /** The form a task is completed with; none when its model names a form its deployment lacks (lint refuses that). */
    private Optional<String> formIdOf(org.flowable.task.api.TaskInfo task) {
        try {
            return tasks.formOf((Task) task).map(TaskForm::id);
        } catch (RuntimeException missing) {
            return Optional.empty();
        }
    }

    /**
     * Facts for open tasks that have none (made before the facts existed, or while no listener ran), and none left
     * for tasks that are gone; in batches, each its own transaction. A task still without facts is checked the slow
     * way by {@link #page}, so a failure here costs time, never a wrong inbox.
     */
    private void backfill(InboxFacts facts) {
        try {
            int written;
            do {
                written = engine.getManagementService().executeCommand(context -> {
                    java.sql.Connection connection = TaskNotices.connection();
                    List<String> ids = new ArrayList<>();
                    try (var statement = connection.createStatement()) {
                        statement.executeUpdate(
                                "DELETE FROM TF_INBOX_FACT WHERE NOT EXISTS (SELECT T.ID_ FROM ACT_RU_TASK T"
                                        + " WHERE T.ID_ = TF_INBOX_FACT.TASK_ID)");
                        statement.executeUpdate(
                                "DELETE FROM TF_INBOX_NAME WHERE NOT EXISTS (SELECT T.ID_ FROM ACT_RU_TASK T"
                                        + " WHERE T.ID_ = TF_INBOX_NAME.TASK_ID)");
                        statement.executeUpdate(
                                "DELETE FROM TF_INBOX_EXCLUDED WHERE NOT EXISTS (SELECT F.TASK_ID FROM TF_INBOX_FACT F"
                                        + " WHERE F.TASK_ID = TF_INBOX_EXCLUDED.TASK_ID) AND NOT EXISTS (SELECT T.ID_ FROM ACT_RU_TASK T"
                                        + " WHERE T.ID_ = TF_INBOX_EXCLUDED.TASK_ID)");
                        try (var result = statement.executeQuery(
                                "SELECT T.ID_ FROM ACT_RU_TASK T WHERE T.PROC_DEF_ID_ IS NOT NULL"
                                        + " AND NOT EXISTS (SELECT F.TASK_ID FROM TF_INBOX_FACT F WHERE F.TASK_ID = T.ID_) FETCH FIRST 500 ROWS ONLY")) {
                            while (result.next()) {
                                ids.add(result.getString(1));
                            }
                        }
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                    ids.stream()
                            .map(id -> org.flowable.engine.impl.util.CommandContextUtil.getTaskService()
                                    .getTask(id))
                            .filter(java.util.Objects::nonNull)
                            .forEach(facts::created);
                    return ids.size();
                });
            } while (written == 500);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Inbox facts not completed for the open tasks (they are checked one by one instead): {}",
                    e.getMessage());
        }
    }

    @Override
    public InboxPage page(String user, int first, int max, InboxFilter filter) {
        return page(user, null, first, max, filter);
    }

    @Override
    public InboxPage pageAfter(String user, String after, int max, InboxFilter filter) {
        return page(user, InboxSeek.parse(after, "after"), 0, max, filter);
    }

    /**
     * The visible tasks after {@code after} (if any) from position {@code first}. A row the user may not see (or gone
     * meanwhile) is passed over, never shown; the page's cursor is the place of the last row read for it, so the next
     * page neither shows a passed-over row nor misses a visible one.
     */
    private InboxPage page(String user, InboxSeek after, int first, int max, InboxFilter filter) {
        InboxQuery query = new InboxQuery(
                engine,
                user,
                directory.groupsOf(user),
                filter,
                engine.getProcessEngineConfiguration()
                        .getClock()
                        .getCurrentTime()
                        .toInstant());
        List<InboxTask> page = new ArrayList<>();
        int position = first;
        InboxSeek from = after;
        int skip = first;
        while (true) {
            // one row more than the page: whether a next page exists is known without a second query
            List<InboxQuery.Row> rows = query.rows(from, skip, max + 1);
            Map<String, InboxTask> checked = checkedOneByOne(user, rows);
            for (InboxQuery.Row row : rows) {
                InboxTask view = row.view() != null ? row.view() : checked.get(row.taskId());
                if (view != null && page.size() == max) {
                    return new InboxPage(page, position, from.cursor());
                }
                if (view != null) {
                    page.add(view);
                }
                position++;
                from = row.key();
            }
            if (rows.size() < max + 1) {
                return new InboxPage(page, null, null);
            }
            skip = 0; // from now on the place is known: seek past it
        }
    }

    /** Rows without facts, read and checked as one task is: the views of those the user may see. */
    private Map<String, InboxTask> checkedOneByOne(String user, List<InboxQuery.Row> rows) {
        List<String> ids = rows.stream()
                .filter(row -> row.view() == null)
                .map(InboxQuery.Row::taskId)
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Row> read = read(engine.getTaskService()
                .createTaskQuery()
                .taskIds(ids)
                .includeIdentityLinks()
                .list());
        return inCommand(() -> read.values().stream()
                .filter(row -> maySee(user, row))
                .collect(java.util.stream.Collectors.toMap(row -> row.task().getId(), Row::view)));
    }

    @Override
    public Optional<InboxTask> visible(String user, String taskId) {
        Task task =
                tasks.visibleQuery(user).taskId(taskId).includeIdentityLinks().singleResult();
        if (task == null) {
            return Optional.empty();
        }
        Row row = read(List.of(task)).get(task.getId());
        if (!inCommand(() -> maySee(user, row))) {
            return Optional.empty();
        }
        return Optional.of(row.view()
                .withForm(tasks.formOf(task)
                        .map(form -> JSON.readValue(form.json(), FORM))
                        .orElse(null)));
    }

    @Override
    public List<InboxTask> visibleOfRequest(String user, String requestId) {
        List<Task> rows = tasks.visibleQuery(user)
                .processVariableValueEquals("requestId", requestId)
                .includeIdentityLinks()
                .list();
        Map<String, Row> read = read(rows);
        return inCommand(() -> rows.stream()
                .map(task -> read.get(task.getId()))
                .filter(row -> maySee(user, row))
                .map(Row::view)
                .toList());
    }

    @Override
    public List<InboxTask> waitingOn(String requestId) {
        return engine
                .getTaskService()
                .createTaskQuery()
                .processVariableValueEquals("requestId", requestId)
                .includeIdentityLinks()
                .orderByTaskCreateTime()
                .asc()
                .list()
                .stream()
                .map(task -> new InboxTask(
                        task.getId(),
                        task.getName(),
                        task.getTaskDefinitionKey(),
                        task.getProcessInstanceId(),
                        processKey(task),
                        task.getAssignee(),
                        groups(links(task)),
                        task.getCreateTime().toInstant(),
                        requestId,
                        null,
                        null,
                        Map.of(),
                        null,
                        null,
                        instant(task.getDueDate()),
                        null,
                        task.getPriority(),
                        overdue(task),
                        null,
                        null))
                .toList();
    }

    @Override
    public void complete(String user, String taskId, Map<String, Object> variables, InTransaction alsoRecord) {
        translated(() -> tasks.complete(user, taskId, variables, alsoRecord));
    }

    @Override
    public void claim(String user, String taskId) {
        translated(() -> tasks.claim(user, taskId));
    }

    @Override
    public void unclaim(String user, String taskId) {
        translated(() -> tasks.unclaim(user, taskId));
    }

    @Override
    public List<Object> openTaskValues(String elementId, String variable) {
        List<Task> open = engine.getTaskService()
                .createTaskQuery()
                .taskDefinitionKey(elementId)
                .active()
                .list();
        List<Object> values = new ArrayList<>();
        for (Task task : open) {
            values.add(engine.getTaskService().getVariable(task.getId(), variable));
        }
        return values;
    }

    /** Separation of duties' rule on what was read in bulk (it reads the process model: inside a command). */
    private boolean maySee(String user, Row row) {
        return guard.maySee(user, row.task(), row.variables(), row.links());
    }

    private <T> T inCommand(java.util.function.Supplier<T> work) {
        return engine.getManagementService().executeCommand(context -> work.get());
    }

    /** The engine's refusals that escape {@link UserTasks} as Trainflow's problems, with the answer a caller can act on. */
    private static void translated(Runnable work) {
        try {
            work.run();
        } catch (FlowableForbiddenException e) {
            throw new TrainflowProblem.Forbidden(e.getMessage());
        } catch (FlowableObjectNotFoundException e) {
            throw new TrainflowProblem.NotFound(e.getMessage());
        } catch (FlowableTaskAlreadyClaimedException | FlowableOptimisticLockingException e) {
            throw new TrainflowProblem.Conflict("decided by someone else meanwhile: " + e.getMessage());
        } catch (FlowableIllegalArgumentException e) {
            throw new TrainflowProblem.InvalidInput(e.getMessage(), Map.of());
        }
    }

    /** A task with what was read for it in bulk: its variables as the task sees them, its identity links. */
    private record Row(
            FlowableUserTasks port,
            Task task,
            Map<String, Object> variables,
            Map<String, Object> local,
            List<IdentityLink> links,
            String formId) {

        InboxTask view() {
            Map<String, Object> context = new HashMap<>();
            CONTEXT.forEach(name -> {
                if (variables.containsKey(name)) {
                    context.put(name, variables.get(name));
                }
            });
            return new InboxTask(
                    task.getId(),
                    task.getName(),
                    task.getTaskDefinitionKey(),
                    task.getProcessInstanceId(),
                    processKey(task),
                    task.getAssignee(),
                    groups(links),
                    task.getCreateTime().toInstant(),
                    (String) variables.get("requestId"),
                    (String) variables.get("employeeId"),
                    (String) variables.get("requestedBy"),
                    context,
                    formId,
                    null,
                    instant(task.getDueDate()),
                    instant(local.get(UserTasks.FOLLOW_UP_DATE)),
                    task.getPriority(),
                    port.overdue(task),
                    employee(variables.get(PROFILE)),
                    (String) variables.get(InboxFacts.CAMPAIGN));
        }
    }

    /** Variables and links of all rows at once (see the class comment for the queries). */
    private Map<String, Row> read(List<Task> rows) {
        Map<String, Row> read = new HashMap<>();
        if (rows.isEmpty()) {
            return read;
        }
        Set<String> instances = new HashSet<>();
        rows.forEach(task -> instances.add(task.getProcessInstanceId()));
        instances.remove(null);
        Map<String, String> parents = new HashMap<>();
        if (!instances.isEmpty()) {
            for (Execution execution : engine.getRuntimeService()
                    .createExecutionQuery()
                    .processInstanceIds(instances)
                    .list()) {
                parents.put(execution.getId(), execution.getParentId());
            }
        }
        Set<String> executions = new HashSet<>(parents.keySet());
        executions.addAll(instances);
        rows.forEach(task -> {
            if (task.getExecutionId() != null) {
                executions.add(task.getExecutionId());
            }
        });
        Map<String, Map<String, Object>> byExecution = new HashMap<>();
        Map<String, Map<String, Object>> byTask = new HashMap<>();
        if (!executions.isEmpty()) {
            engine.getManagementService().executeCommand(context -> {
                for (VariableInstance variable : engine.getRuntimeService()
                        .createVariableInstanceQuery()
                        .executionIds(executions)
                        .excludeVariableInitialization()
                        .list()) {
                    if (READ.contains(variable.getName())) {
                        Map<String, Map<String, Object>> scope = variable.getTaskId() != null ? byTask : byExecution;
                        String owner = variable.getTaskId() != null ? variable.getTaskId() : variable.getExecutionId();
                        scope.computeIfAbsent(owner, key -> new HashMap<>())
                                .put(variable.getName(), variable.getValue());
                    }
                }
                return null;
            });
        }
        // task-local variables of a task without an execution (none in Trainflow's processes, but cheap to be right)
        Set<String> standalone = new HashSet<>();
        rows.stream().filter(task -> task.getExecutionId() == null).forEach(task -> standalone.add(task.getId()));
        if (!standalone.isEmpty()) {
            for (VariableInstance variable : engine.getRuntimeService()
                    .createVariableInstanceQuery()
                    .taskIds(standalone)
                    .list()) {
                byTask.computeIfAbsent(variable.getTaskId(), key -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        Map<String, String> forms = new HashMap<>();
        for (Task task : rows) {
            Map<String, Object> variables = new LinkedHashMap<>();
            // the nearest scope wins: from the process instance down to the task
            List<String> chain = new ArrayList<>();
            for (String id = task.getExecutionId(); id != null && !chain.contains(id); id = parents.get(id)) {
                chain.add(id);
            }
            if (task.getProcessInstanceId() != null && !chain.contains(task.getProcessInstanceId())) {
                chain.add(task.getProcessInstanceId());
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                variables.putAll(byExecution.getOrDefault(chain.get(i), Map.of()));
            }
            Map<String, Object> local = byTask.getOrDefault(task.getId(), Map.of());
            variables.putAll(local);
            String formId = forms.computeIfAbsent(
                    task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                    key -> tasks.formOf(task).map(TaskForm::id).orElse(""));
            read.put(
                    task.getId(), new Row(this, task, variables, local, links(task), formId.isEmpty() ? null : formId));
        }
        return read;
    }

    @SuppressWarnings("unchecked")
    private static List<IdentityLink> links(Task task) {
        return (List<IdentityLink>) (List<?>) task.getIdentityLinks();
    }

    private static List<String> groups(List<IdentityLink> links) {
        return links.stream()
                .filter(link -> link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private static String processKey(Task task) {
        return task.getProcessDefinitionId() == null
                ? null
                : task.getProcessDefinitionId().split(":")[0];
    }

    private boolean overdue(Task task) {
        return task.getDueDate() != null && task.getDueDate().toInstant().isBefore(clock.instant());
    }

    private static Instant instant(Object date) {
        return date instanceof Date d ? d.toInstant() : null;
    }

    /** Who the task is about, as the approver needs it: name, job, role, department. */
    private static Map<String, Object> employee(Object profile) {
        if (!(profile instanceof Map<?, ?> p)) {
            return null;
        }
        Map<String, Object> employee = new LinkedHashMap<>();
        for (String key : EMPLOYEE_KEYS) {
            if (p.get(key) != null) {
                employee.put(key, p.get(key));
            }
        }
        return employee;
    }
}

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
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.Execution;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.flowable.variable.api.persistence.entity.VariableInstance;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user-task port on Flowable. A page of the inbox costs a fixed number of queries whatever its size: the
 * page's tasks in order ({@link InboxQuery}: one query, and one for their identity links), the executions of their process instances (one), the variables
 * the page shows and separation of duties reads (one, plus one per stored object value), instead of a few
 * queries per row. A variable is resolved as Flowable does: the task's own, then its execution's, then up the
 * execution tree to the process instance.
 */
public final class FlowableUserTasks implements UserTaskPort {

    /** Read for the task's summary of the learner, never shown whole (it holds the review rating). */
    private static final String PROFILE = "profile";

    private static final Set<String> READ = Set.copyOf(Stream.of(CONTEXT, TaskCompletionGuard.PARTY_VARIABLES,
            List.of(PROFILE, InboxFacts.CAMPAIGN, UserTasks.FOLLOW_UP_DATE)).flatMap(List::stream).toList());

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> FORM = new TypeReference<>() {
    };

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
        this.engine.getRuntimeService().addEventListener(new InboxFacts(), FlowableEngineEventType.TASK_CREATED);
    }

    @Override
    public InboxPage page(String user, int first, int max, InboxFilter filter) {
        InboxQuery query = new InboxQuery(engine, user, directory.groupsOf(user), filter,
                engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant());
        List<InboxTask> page = new ArrayList<>();
        int position = first;
        while (true) {
            InboxQuery.Rows found = query.rows(position, max);
            List<Task> rows = found.tasks();
            Map<String, Row> read = read(rows);
            int start = position;
            Set<String> visible = inCommand(() -> read.values().stream().filter(row -> maySee(user, row)).map(row -> row.task().getId())
                    .collect(java.util.stream.Collectors.toSet()));
            for (Task task : rows) {
                Row row = read.get(task.getId());
                if (!visible.contains(task.getId())) {
                    position++;
                } else if (page.size() == max) {
                    return new InboxPage(page, position);
                } else {
                    page.add(row.view());
                    position++;
                }
            }
            position = start + found.positions();
            if (found.positions() < max) {
                return new InboxPage(page, null);
            }
        }
    }

    @Override
    public Optional<InboxTask> visible(String user, String taskId) {
        Task task = tasks.visibleQuery(user).taskId(taskId).includeIdentityLinks().singleResult();
        if (task == null) {
            return Optional.empty();
        }
        Row row = read(List.of(task)).get(task.getId());
        if (!inCommand(() -> maySee(user, row))) {
            return Optional.empty();
        }
        return Optional.of(row.view().withForm(tasks.formOf(task).map(form -> JSON.readValue(form.json(), FORM)).orElse(null)));
    }

    @Override
    public List<InboxTask> visibleOfRequest(String user, String requestId) {
        List<Task> rows = tasks.visibleQuery(user).processVariableValueEquals("requestId", requestId).includeIdentityLinks().list();
        Map<String, Row> read = read(rows);
        return inCommand(() -> rows.stream().map(task -> read.get(task.getId())).filter(row -> maySee(user, row)).map(Row::view)
                .toList());
    }

    @Override
    public List<InboxTask> waitingOn(String requestId) {
        return engine.getTaskService().createTaskQuery().processVariableValueEquals("requestId", requestId).includeIdentityLinks()
                .orderByTaskCreateTime().asc().list().stream().map(task -> new InboxTask(task.getId(), task.getName(),
                        task.getTaskDefinitionKey(), task.getProcessInstanceId(), processKey(task), task.getAssignee(),
                        groups(links(task)), task.getCreateTime().toInstant(), requestId, null, null, Map.of(), null, null,
                        instant(task.getDueDate()), null, task.getPriority(), overdue(task), null, null)).toList();
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
        List<Task> open = engine.getTaskService().createTaskQuery().taskDefinitionKey(elementId).active().list();
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
    private record Row(FlowableUserTasks port, Task task, Map<String, Object> variables, Map<String, Object> local,
                       List<IdentityLink> links, String formId) {

        InboxTask view() {
            Map<String, Object> context = new HashMap<>();
            CONTEXT.forEach(name -> {
                if (variables.containsKey(name)) {
                    context.put(name, variables.get(name));
                }
            });
            return new InboxTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                    processKey(task), task.getAssignee(), groups(links), task.getCreateTime().toInstant(),
                    (String) variables.get("requestId"), (String) variables.get("employeeId"), (String) variables.get("requestedBy"),
                    context, formId, null, instant(task.getDueDate()), instant(local.get(UserTasks.FOLLOW_UP_DATE)),
                    task.getPriority(), port.overdue(task), employee(variables.get(PROFILE)), (String) variables.get(InboxFacts.CAMPAIGN));
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
            for (Execution execution : engine.getRuntimeService().createExecutionQuery().processInstanceIds(instances).list()) {
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
                for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery().executionIds(executions)
                        .excludeVariableInitialization().list()) {
                    if (READ.contains(variable.getName())) {
                        Map<String, Map<String, Object>> scope = variable.getTaskId() != null ? byTask : byExecution;
                        String owner = variable.getTaskId() != null ? variable.getTaskId() : variable.getExecutionId();
                        scope.computeIfAbsent(owner, key -> new HashMap<>()).put(variable.getName(), variable.getValue());
                    }
                }
                return null;
            });
        }
        // task-local variables of a task without an execution (none in Trainflow's processes, but cheap to be right)
        Set<String> standalone = new HashSet<>();
        rows.stream().filter(task -> task.getExecutionId() == null).forEach(task -> standalone.add(task.getId()));
        if (!standalone.isEmpty()) {
            for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery().taskIds(standalone).list()) {
                byTask.computeIfAbsent(variable.getTaskId(), key -> new HashMap<>()).put(variable.getName(), variable.getValue());
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
            String formId = forms.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                    key -> tasks.formOf(task).map(TaskForm::id).orElse(""));
            read.put(task.getId(), new Row(this, task, variables, local, links(task), formId.isEmpty() ? null : formId));
        }
        return read;
    }

    @SuppressWarnings("unchecked")
    private static List<IdentityLink> links(Task task) {
        return (List<IdentityLink>) (List<?>) task.getIdentityLinks();
    }

    private static List<String> groups(List<IdentityLink> links) {
        return links.stream().filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).toList();
    }

    private static String processKey(Task task) {
        return task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
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
        for (String key : List.of("employeeId", "displayName", "jobTitle", "roleId", "department", "managerUsername")) {
            if (p.get(key) != null) {
                employee.put(key, p.get(key));
            }
        }
        return employee;
    }
}

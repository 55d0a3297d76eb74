package io.trainflow.plugin.inbox;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.engine.flowable.UserTasks;
import io.trainflow.workflows.forms.TaskForm;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.engine.ProcessEngine;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The approvers' inbox: what a person may see, and completing a task as that person. Who may see and
 * complete is separation of duties' one rule ({@code io.trainflow.workflows.duties.Duties}), which the
 * engine applies again as a task completes.
 */
@Service
public class TaskInbox {

    /** Variables shown with a task: what the person needs to decide. */
    static final List<String> CONTEXT = List.of("requestId", "employeeId", "requestedBy", "origin", "justification",
            "level", "learningPath", "learningPathProvenance", "pathCost", "budget", "overBudget", "routing", "approverOnBehalfOf",
            "sessions", "trainingDeadline", "progress", "reaction", "learning", "report", "feedbackSummary",
            "feedbackSummaryProvenance", "programmeId", "department", "courseId", "quizDraft", "quizDraftProvenance",
            "routingNote");

    /** Read for the task's summary of the learner, never shown whole (it holds the review rating). */
    private static final String PROFILE = "profile";

    private static final List<String> READ = java.util.stream.Stream.concat(CONTEXT.stream(),
            java.util.stream.Stream.of(PROFILE, InboxFacts.CAMPAIGN)).toList();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> FORM = new TypeReference<>() {
    };

    /** The largest page a caller may ask for: every task shown costs a few queries. */
    public static final int MAX_PAGE = 500;

    private final ProcessEngine engine;
    private final UserTasks tasks;
    private final Clock clock;

    public TaskInbox(TrainflowEngine engine, Directory directory) {
        this.engine = engine.flowable();
        this.clock = engine.clock();
        this.tasks = new UserTasks(engine.flowable(), directory);
        this.engine.getRuntimeService().addEventListener(new InboxFacts(), FlowableEngineEventType.TASK_CREATED);
    }

    /** The open tasks of one request that the user may see. */
    public List<InboxTask> tasksOf(String user, String requestId) {
        return tasks.visibleQuery(user).processVariableValueEquals("requestId", requestId).list().stream()
                .filter(task -> tasks.maySee(user, task)).map(this::view).toList();
    }

    /**
     * Up to {@code max} tasks of the inbox from position {@code first} of the visible tasks, oldest first.
     * Tasks the user may not see (separation of duties: their own request offered to their group) are skipped and the page filled from further rows, so {@code next} is
     * where the following page starts (absent when nothing visible remains), not {@code first + max}.
     */
    public InboxPage page(String user, int first, int max) {
        return page(user, first, max, InboxFilter.NONE);
    }

    /** A page of the inbox narrowed by {@code filter}, the one falling due first on top, then the oldest. */
    public InboxPage page(String user, int first, int max, InboxFilter filter) {
        if (first < 0) {
            throw new TrainflowProblem.InvalidInput("first", "must be 0 or more, was " + first);
        }
        if (max < 1 || max > MAX_PAGE) {
            throw new TrainflowProblem.InvalidInput("max", "must be between 1 and " + MAX_PAGE + ", was " + max);
        }
        TaskQuery query = filter.narrow(tasks.visibleUnordered(user), engine.getProcessEngineConfiguration().getClock()
                .getCurrentTime().toInstant()).orderByDueDateNullsLast().asc().orderByTaskPriority().desc().orderByTaskCreateTime().asc()
                .orderByTaskId().asc();
        List<InboxTask> page = new ArrayList<>();
        int position = first;
        while (true) {
            List<Task> rows = query.listPage(position, max);
            for (Task row : rows) {
                if (!tasks.maySee(user, row)) {
                    position++;
                } else if (page.size() == max) {
                    return new InboxPage(page, position);
                } else {
                    page.add(view(row));
                    position++;
                }
            }
            if (rows.size() < max) {
                return new InboxPage(page, null);
            }
        }
    }

    /** One task of the user's inbox, with its form: found by id, whatever the size of the inbox. */
    public InboxTask task(String user, String taskId) {
        Task task = tasks.visibleQuery(user).taskId(taskId).singleResult();
        if (task == null || !tasks.maySee(user, task)) {
            throw new TrainflowProblem.NotFound("No open task " + taskId + " for " + user);
        }
        return view(task).withForm(tasks.formOf(task).map(form -> JSON.readValue(form.json(), FORM)).orElse(null));
    }

    /** Claims (so the audit shows who) and completes in one transaction, as {@code user}. */
    public void complete(String user, String taskId, Map<String, Object> variables) {
        tasks.complete(user, taskId, variables);
    }

    /**
     * Every open task of one request, those of the processes it called included (an approval step, HR's
     * fallback in a campaign), whoever may act on it: who the request waits on. Names and owners only, no
     * variables, so the requester can see where it stands without seeing the approvers' context.
     */
    public List<InboxTask> waitingOn(String requestId) {
        return engine.getTaskService().createTaskQuery().processVariableValueEquals("requestId", requestId)
                .orderByTaskCreateTime().asc().list().stream().map(task -> {
                    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                            .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
                    String processKey = task.getProcessDefinitionId() == null ? null
                            : task.getProcessDefinitionId().split(":")[0];
                    return new InboxTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                            task.getProcessInstanceId(), processKey, task.getAssignee(), groups,
                            task.getCreateTime().toInstant(), requestId, null, null, Map.of(), null, null,
                            instant(task.getDueDate()), null, task.getPriority(),
                            task.getDueDate() != null && task.getDueDate().toInstant().isBefore(clock.instant()), null, null);
                }).toList();
    }

    /** The user takes a task offered to their group; only a task of their inbox. */
    public void claim(String user, String taskId) {
        task(user, taskId);
        tasks.claim(user, taskId);
    }

    /** The user gives a task they took back to its group. */
    public void unclaim(String user, String taskId) {
        task(user, taskId);
        tasks.unclaim(user, taskId);
    }

    private static Instant instant(Object date) {
        return date instanceof Date d ? d.toInstant() : null;
    }

    /** Who the task is about, as the approver needs it: name, job, role, department. */
    private static Map<String, Object> employee(Object profile) {
        if (!(profile instanceof Map<?, ?> p)) {
            return null;
        }
        Map<String, Object> employee = new java.util.LinkedHashMap<>();
        for (String key : List.of("employeeId", "displayName", "jobTitle", "roleId", "department", "managerUsername")) {
            if (p.get(key) != null) {
                employee.put(key, p.get(key));
            }
        }
        return employee;
    }

    private InboxTask view(Task task) {
        Map<String, Object> variables = engine.getTaskService().getVariables(task.getId(), READ);
        Object profile = variables.remove(PROFILE);
        Object campaign = variables.remove(InboxFacts.CAMPAIGN);
        List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
        String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
        return new InboxTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(), processKey,
                task.getAssignee(), groups, task.getCreateTime().toInstant(), (String) variables.get("requestId"),
                (String) variables.get("employeeId"), (String) variables.get("requestedBy"), new HashMap<>(variables),
                tasks.formOf(task).map(TaskForm::id).orElse(null), null, instant(task.getDueDate()),
                instant(engine.getTaskService().getVariableLocal(task.getId(), UserTasks.FOLLOW_UP_DATE)), task.getPriority(),
                task.getDueDate() != null && task.getDueDate().toInstant().isBefore(clock.instant()), employee(profile),
                (String) campaign);
    }
}

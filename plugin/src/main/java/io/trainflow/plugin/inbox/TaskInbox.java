package io.trainflow.plugin.inbox;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.engine.flowable.UserTasks;
import io.trainflow.workflows.forms.TaskForm;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.ProcessEngine;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The approvers' inbox: what a person may see, and completing a task as that person. The
 * engine's task-completion guard has the last word on who may complete.
 */
@Service
public class TaskInbox {

    /** Variables shown with a task: what the person needs to decide. */
    static final List<String> CONTEXT = List.of("requestId", "employeeId", "requestedBy", "origin", "justification",
            "level", "learningPath", "learningPathProvenance", "pathCost", "budget", "overBudget", "routing", "approverOnBehalfOf",
            "sessions", "trainingDeadline", "progress", "reaction", "learning", "report", "feedbackSummary",
            "feedbackSummaryProvenance", "programmeId", "department", "courseId", "quizDraft", "quizDraftProvenance");

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
    }

    /** The open tasks of one request that the user may see. */
    public List<InboxTask> tasksOf(String user, String requestId) {
        return keep(user, tasks.visibleQuery(user).processVariableValueEquals("requestId", requestId).list());
    }

    /**
     * Up to {@code max} tasks of the inbox from position {@code first} of the visible tasks, oldest first.
     * Tasks hidden from the requester are skipped and the page filled from further rows, so {@code next} is
     * where the following page starts (absent when nothing visible remains), not {@code first + max}.
     */
    public InboxPage page(String user, int first, int max) {
        if (first < 0) {
            throw new IllegalArgumentException("first must be 0 or more, was " + first);
        }
        if (max < 1 || max > MAX_PAGE) {
            throw new IllegalArgumentException("max must be between 1 and " + MAX_PAGE + ", was " + max);
        }
        TaskQuery query = tasks.visibleQuery(user);
        List<InboxTask> page = new ArrayList<>();
        int position = first;
        while (true) {
            List<Task> rows = query.listPage(position, max);
            for (Task row : rows) {
                InboxTask view = view(row);
                if (hiddenFrom(user, view)) {
                    position++;
                } else if (page.size() == max) {
                    return new InboxPage(page, position);
                } else {
                    page.add(view);
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
        InboxTask view = task == null ? null : view(task);
        if (view == null || hiddenFrom(user, view)) {
            throw new FlowableObjectNotFoundException("No task " + taskId + " in the inbox of " + user);
        }
        return view.withForm(tasks.formOf(task).map(form -> JSON.readValue(form.json(), FORM)).orElse(null));
    }

    /** Claims (so the audit shows who) and completes in one transaction, as {@code user}. */
    public void complete(String user, String taskId, Map<String, Object> variables) {
        tasks.complete(user, taskId, variables);
    }

    private List<InboxTask> keep(String user, List<Task> visible) {
        return visible.stream().map(this::view).filter(view -> !hiddenFrom(user, view)).toList();
    }

    /** The requester never sees a task of their own request that is not explicitly theirs (e.g. via L&D's group). */
    private static boolean hiddenFrom(String user, InboxTask view) {
        return user.equals(view.requestedBy()) && !user.equals(view.assignee());
    }

    private static Instant instant(Object date) {
        return date instanceof Date d ? d.toInstant() : null;
    }

    private InboxTask view(Task task) {
        Map<String, Object> variables = engine.getTaskService().getVariables(task.getId(), CONTEXT);
        List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
        String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
        return new InboxTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(), processKey,
                task.getAssignee(), groups, task.getCreateTime().toInstant(), (String) variables.get("requestId"),
                (String) variables.get("employeeId"), (String) variables.get("requestedBy"), new HashMap<>(variables),
                tasks.formOf(task).map(TaskForm::id).orElse(null), null, instant(task.getDueDate()),
                instant(engine.getTaskService().getVariableLocal(task.getId(), UserTasks.FOLLOW_UP_DATE)), task.getPriority(),
                task.getDueDate() != null && task.getDueDate().toInstant().isBefore(clock.instant()));
    }
}

package io.trainflow.plugin.inbox;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.engine.flowable.UserTasks;
import io.trainflow.workflows.forms.TaskForm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.ProcessEngine;
import org.flowable.task.api.Task;
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

    private final ProcessEngine engine;
    private final UserTasks tasks;

    public TaskInbox(TrainflowEngine engine, Directory directory) {
        this.engine = engine.flowable();
        this.tasks = new UserTasks(engine.flowable(), directory);
    }

    public List<InboxTask> tasksOf(String user) {
        List<InboxTask> visible = new ArrayList<>();
        for (Task task : tasks.visibleTo(user)) {
            InboxTask view = view(task);
            // the requester never sees a task of their own request that is not explicitly theirs
            if (!user.equals(view.requestedBy()) || user.equals(task.getAssignee())) {
                visible.add(view);
            }
        }
        return visible;
    }

    /** One task of the user's inbox, with its form. */
    public InboxTask task(String user, String taskId) {
        InboxTask found = tasksOf(user).stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow(() -> new FlowableObjectNotFoundException("No task " + taskId + " in the inbox of " + user));
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        return found.withForm(tasks.formOf(task).map(form -> JSON.readValue(form.json(), FORM)).orElse(null));
    }

    /** Claims (so the audit shows who) and completes in one transaction, as {@code user}. */
    public void complete(String user, String taskId, Map<String, Object> variables) {
        tasks.complete(user, taskId, variables);
    }

    private InboxTask view(Task task) {
        Map<String, Object> variables = engine.getTaskService().getVariables(task.getId(), CONTEXT);
        List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
        String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
        return new InboxTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(), processKey,
                task.getAssignee(), groups, task.getCreateTime().toInstant(), (String) variables.get("requestId"),
                (String) variables.get("employeeId"), (String) variables.get("requestedBy"), new HashMap<>(variables),
                tasks.formOf(task).map(TaskForm::id).orElse(null), null);
    }
}

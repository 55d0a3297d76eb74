package io.trainflow.plugin.inbox;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.flowable.TaskCompletionGuard;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Service;

/**
 * The approvers' inbox: what a person may see, and completing a task as that person. The
 * engine's {@link TaskCompletionGuard} has the last word on who may complete.
 */
@Service
public class TaskInbox {

    /** Variables shown with a task: what the person needs to decide. */
    static final List<String> CONTEXT = List.of("requestId", "employeeId", "requestedBy", "origin", "justification",
            "level", "learningPath", "pathCost", "budget", "overBudget", "routing", "approverOnBehalfOf", "sessions",
            "trainingDeadline", "progress", "reaction", "learning", "report", "feedbackSummary", "programmeId", "department");

    private final ProcessEngine engine;
    private final Directory directory;

    public TaskInbox(TrainflowEngine engine, Directory directory) {
        this.engine = engine.flowable();
        this.directory = directory;
    }

    public List<InboxTask> tasksOf(String user) {
        Set<String> groups = directory.groupsOf(user);
        var query = engine.getTaskService().createTaskQuery().active().or().taskAssignee(user).taskCandidateUser(user);
        if (!groups.isEmpty()) {
            query.taskCandidateGroupIn(groups);
        }
        List<InboxTask> tasks = new ArrayList<>();
        for (Task task : query.endOr().orderByTaskCreateTime().asc().list()) {
            InboxTask view = view(task);
            // the requester never sees a task of their own request that is not explicitly theirs
            if (!user.equals(view.requestedBy()) || user.equals(task.getAssignee())) {
                tasks.add(view);
            }
        }
        return tasks;
    }

    public InboxTask task(String user, String taskId) {
        return tasksOf(user).stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow(() -> new FlowableObjectNotFoundException("No task " + taskId + " in the inbox of " + user));
    }

    /** Claims (so the audit shows who) and completes in one transaction, as {@code user}. */
    public void complete(String user, String taskId, Map<String, Object> variables) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new FlowableObjectNotFoundException("No open task " + taskId);
        }
        Map<String, Object> values = variables == null ? Map.of() : variables;
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(user);
        try {
            engine.getManagementService().executeCommand(context -> {
                TaskService tasks = engine.getTaskService();
                if (task.getAssignee() == null) {
                    tasks.setAssignee(taskId, user);
                }
                tasks.addComment(taskId, task.getProcessInstanceId(), "decision", AuditText.of(task, values));
                tasks.complete(taskId, values);
                return null;
            });
        } finally {
            Authentication.setAuthenticatedUserId(previous);
        }
    }

    private InboxTask view(Task task) {
        Map<String, Object> variables = engine.getTaskService().getVariables(task.getId(), CONTEXT);
        List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
        String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
        return new InboxTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(), processKey,
                task.getAssignee(), groups, task.getCreateTime().toInstant(), (String) variables.get("requestId"),
                (String) variables.get("employeeId"), (String) variables.get("requestedBy"), new HashMap<>(variables));
    }
}

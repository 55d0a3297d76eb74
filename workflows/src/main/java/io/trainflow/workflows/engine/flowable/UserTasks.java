package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.Directory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;

/**
 * User tasks as people work them: what one person may see, and completing as that person
 * (an offered task is claimed first by a candidate, so the audit trail names them, with the
 * decision recorded as a comment, all in one transaction). The {@link TaskCompletionGuard}
 * has the last word.
 */
public final class UserTasks {

    /** Comment type under which each completion is recorded for the audit trail. */
    public static final String AUDIT_COMMENT = "decision";

    private final ProcessEngine engine;
    private final Directory directory;

    public UserTasks(ProcessEngine engine, Directory directory) {
        this.engine = engine;
        this.directory = directory;
    }

    /** Tasks assigned to the user, or offered to them or one of their groups. */
    public List<Task> visibleTo(String user) {
        Set<String> groups = directory.groupsOf(user);
        var query = engine.getTaskService().createTaskQuery().active().or().taskAssignee(user).taskCandidateUser(user);
        if (!groups.isEmpty()) {
            query.taskCandidateGroupIn(groups);
        }
        return query.endOr().orderByTaskCreateTime().asc().list();
    }

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
                if (task.getAssignee() == null && mayClaim(tasks, taskId, user)) {
                    tasks.setAssignee(taskId, user);
                }
                tasks.addComment(taskId, task.getProcessInstanceId(), AUDIT_COMMENT, auditText(task, values));
                tasks.complete(taskId, values);
                return null;
            });
        } finally {
            Authentication.setAuthenticatedUserId(previous);
        }
    }

    /**
     * Only a candidate who is not the requester takes an offered task. Anyone else completes it
     * unassigned, and the guard refuses: claiming first would make them its assignee.
     */
    private boolean mayClaim(TaskService tasks, String taskId, String user) {
        if (user.equals(tasks.getVariable(taskId, TaskCompletionGuard.REQUESTER))) {
            return false;
        }
        Set<String> groups = directory.groupsOf(user);
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> user.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())));
    }

    static String auditText(Task task, Map<String, Object> variables) {
        StringBuilder text = new StringBuilder(task.getTaskDefinitionKey()).append(':');
        variables.forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
        return text.length() > 3900 ? text.substring(0, 3900) : text.toString();
    }
}

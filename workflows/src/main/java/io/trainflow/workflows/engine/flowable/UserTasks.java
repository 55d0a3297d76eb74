package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.forms.TaskForm;
import io.trainflow.workflows.forms.TaskForms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;

/**
 * User tasks as people work them: what one person may see, and completing as that person
 * (an offered task is claimed first by a candidate, so the audit trail names them, with the
 * decision recorded as a comment, all in one transaction). What they submit must pass the
 * task's form first ({@link TaskForms}): a typo in a decision is refused, never read as "reject".
 * The {@link TaskCompletionGuard} has the last word on who.
 */
public final class UserTasks {

    /** Comment type under which each completion is recorded for the audit trail. */
    public static final String AUDIT_COMMENT = "decision";

    /** Task-local variable holding a task's follow-up date (zeebe:taskSchedule followUpDate). */
    public static final String FOLLOW_UP_DATE = TaskSchedule.FOLLOW_UP;

    private final ProcessEngine engine;
    private final Directory directory;
    private final TaskForms forms;
    private final TaskCompletionGuard guard;

    public UserTasks(ProcessEngine engine, Directory directory) {
        this.engine = engine;
        this.directory = directory;
        this.guard = new TaskCompletionGuard(directory);
        this.forms = new TaskForms(engine.getRepositoryService(), new Feel());
    }

    /** The form a task is completed with, for a client to render (form-js) or read. */
    public Optional<TaskForm> formOf(Task task) {
        return forms.of(task);
    }

    /** Tasks assigned to the user, or offered to them or one of their groups. */
    public List<Task> visibleTo(String user) {
        return visibleQuery(user).list();
    }

    /**
     * The same tasks as a query, to page or narrow: earliest due date first (tasks without one after), then
     * highest priority, then oldest (task id breaks ties so pages are stable).
     */
    public TaskQuery visibleQuery(String user) {
        Set<String> groups = directory.groupsOf(user);
        var query = engine.getTaskService().createTaskQuery().active().or().taskAssignee(user).taskCandidateUser(user);
        if (!groups.isEmpty()) {
            query.taskCandidateGroupIn(groups);
        }
        return query.endOr().orderByDueDateNullsLast().asc().orderByTaskPriority().desc()
                .orderByTaskCreateTime().asc().orderByTaskId().asc();
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
                Object requester = tasks.getVariable(taskId, TaskCompletionGuard.REQUESTER);
                List<IdentityLink> links = tasks.getIdentityLinksForTask(taskId);
                boolean claim = task.getAssignee() == null && mayClaim(user, requester, links);
                if (claim) {
                    tasks.setAssignee(taskId, user);
                }
                // who first, then what (a stranger learns nothing of the form); the guard runs again as the task completes
                guard.check(user, claim ? tasks.createTaskQuery().taskId(taskId).singleResult() : task, requester, links);
                forms.check(task, values);
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
    private boolean mayClaim(String user, Object requester, List<IdentityLink> links) {
        if (user.equals(requester)) {
            return false;
        }
        Set<String> groups = directory.groupsOf(user);
        return links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> user.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())));
    }

    static String auditText(Task task, Map<String, Object> variables) {
        StringBuilder text = new StringBuilder(task.getTaskDefinitionKey()).append(':');
        variables.forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
        return text.length() > 3900 ? text.substring(0, 3900) : text.toString();
    }
}

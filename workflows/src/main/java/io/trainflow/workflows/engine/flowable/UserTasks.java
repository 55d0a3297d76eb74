package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.forms.TaskForm;
import io.trainflow.workflows.forms.TaskForms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowable.common.engine.api.FlowableForbiddenException;
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

    /** The same tasks as a query, oldest first (task id breaks ties so pages are stable), to page or narrow. */
    public TaskQuery visibleQuery(String user) {
        return visibleUnordered(user).orderByTaskCreateTime().asc().orderByTaskId().asc();
    }

    /** The same tasks, not yet ordered, for a caller that narrows and orders them its own way (the web inbox). */
    public TaskQuery visibleUnordered(String user) {
        Set<String> groups = directory.groupsOf(user);
        var query = engine.getTaskService().createTaskQuery().active().or().taskAssignee(user).taskCandidateUser(user);
        if (!groups.isEmpty()) {
            query.taskCandidateGroupIn(groups);
        }
        return query.endOr();
    }

    /**
     * A candidate who is not the requester takes an offered task (others then no longer see it); someone else
     * holding it is a conflict.
     */
    public void claim(String user, String taskId) {
        Task task = open(taskId);
        TaskService tasks = engine.getTaskService();
        if (user.equals(task.getAssignee())) {
            return;
        }
        if (!mayClaim(user, tasks.getVariable(taskId, TaskCompletionGuard.REQUESTER), tasks.getIdentityLinksForTask(taskId))) {
            throw new FlowableForbiddenException(user + " is not offered task '" + task.getName() + "' (" + task.getTaskDefinitionKey()
                    + ") or made this request");
        }
        tasks.claim(taskId, user);
    }

    /** The person who took an offered task gives it back to its groups; a task assigned by the process stays. */
    public void unclaim(String user, String taskId) {
        Task task = open(taskId);
        TaskService tasks = engine.getTaskService();
        boolean offered = tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()));
        if (!user.equals(task.getAssignee()) || !offered) {
            throw new FlowableForbiddenException(user + " cannot give back task '" + task.getName() + "' ("
                    + task.getTaskDefinitionKey() + "): only whoever took an offered task can");
        }
        tasks.unclaim(taskId);
    }

    private Task open(String taskId) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new FlowableObjectNotFoundException("No open task " + taskId);
        }
        return task;
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

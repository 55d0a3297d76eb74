package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.duties.Duties;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.UserTaskPort;
import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.forms.TaskForm;
import io.trainflow.workflows.problems.TrainflowProblem;
import io.trainflow.workflows.quiz.QuizReviewCoverage;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.flowable.task.api.history.HistoricTaskInstance;

/**
 * User tasks as people work them: what one person may see, and completing as that person
 * (an offered task is claimed first, so the audit trail names them, with the decision recorded
 * as a comment, all in one transaction). What they submit must pass the task's form first
 * ({@link TaskForms}): a typo in a decision is refused, never read as "reject", and nothing outside
 * the form is taken. Who may is {@link Duties}' rule; the {@link TaskCompletionGuard} applies it again
 * inside the engine, whatever API completes.
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

    /** Tasks assigned to the user, or offered to them or one of their groups, that they may see. */
    public List<Task> visibleTo(String user) {
        return visibleQuery(user).list().stream()
                .filter(task -> maySee(user, task))
                .toList();
    }

    /**
     * Tasks assigned or offered to the user as a query, to page or narrow: earliest due date first (tasks without
     * one after), then highest priority, then oldest (task id breaks ties so pages are stable); a task of it is
     * shown only when {@link #maySee} says so.
     */
    public TaskQuery visibleQuery(String user) {
        return visibleUnordered(user)
                .orderByDueDateNullsLast()
                .asc()
                .orderByTaskPriority()
                .desc()
                .orderByTaskCreateTime()
                .asc()
                .orderByTaskId()
                .asc();
    }

    /** The same tasks, not yet ordered, for a caller that narrows and orders them its own way (the web inbox). */
    public TaskQuery visibleUnordered(String user) {
        Set<String> groups = directory.groupsOf(user);
        var query = engine.getTaskService()
                .createTaskQuery()
                .active()
                .or()
                .taskAssignee(user)
                .taskCandidateUser(user);
        if (!groups.isEmpty()) {
            query.taskCandidateGroupIn(groups);
        }
        return query.endOr();
    }

    /**
     * A candidate who may see an offered task (see {@link #maySee}: never the requester or the learner) takes it;
     * others then no longer see it. Anyone else is told it does not exist.
     */
    public void claim(String user, String taskId) {
        Task task = open(user, taskId);
        if (user.equals(task.getAssignee())) {
            return;
        }
        if (!maySee(user, task)) {
            throw completedOrUnknown(user, taskId);
        }
        try {
            engine.getTaskService().claim(taskId, user);
        } catch (TaskCompletionGuard.Refused refused) {
            throw refused.problem(); // an assigning task listener denied it or failed
        } catch (FlowableTaskAlreadyClaimedException | FlowableOptimisticLockingException raced) {
            throw completedOrUnknown(user, taskId);
        }
    }

    /** The person who took an offered task gives it back to its groups; a task assigned by the process stays. */
    public void unclaim(String user, String taskId) {
        Task task = open(user, taskId);
        TaskService tasks = engine.getTaskService();
        boolean offered = tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()));
        if (!user.equals(task.getAssignee())) {
            throw completedOrUnknown(user, taskId);
        }
        if (!offered) {
            throw new TrainflowProblem.Forbidden(user + " cannot give back task '" + task.getName() + "' ("
                    + task.getTaskDefinitionKey() + "): the process assigned it to them");
        }
        try {
            tasks.unclaim(taskId);
        } catch (TaskCompletionGuard.Refused refused) {
            throw refused.problem(); // an assigning task listener denied it or failed
        }
    }

    private Task open(String user, String taskId) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw completedOrUnknown(user, taskId);
        }
        return task;
    }

    /** Whether the user may see this open task: offered to them, and no conflict of interest (see {@link Duties}). */
    public boolean maySee(String user, Task task) {
        return engine.getManagementService().executeCommand(context -> {
            TaskService tasks = engine.getTaskService();
            return guard.maySee(
                    user,
                    task,
                    tasks.getVariables(task.getId(), TaskCompletionGuard.PARTY_VARIABLES),
                    tasks.getIdentityLinksForTask(task.getId()));
        });
    }

    /**
     * Completes as {@code user}: anyone who may not see the task is told it does not exist; a task completed
     * a moment ago by someone else is a conflict.
     */
    public void complete(String user, String taskId, Map<String, Object> variables) {
        complete(user, taskId, variables, connection -> {});
    }

    /**
     * Completes as {@code user} and runs {@code alsoRecord} on the engine's connection after the completion, in the same
     * transaction: a crash loses both or neither.
     */
    public void complete(
            String user, String taskId, Map<String, Object> variables, UserTaskPort.InTransaction alsoRecord) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw completedOrUnknown(user, taskId);
        }
        Map<String, Object> values = variables == null ? Map.of() : variables;
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(user);
        try {
            engine.getManagementService().executeCommand(context -> {
                TaskService tasks = engine.getTaskService();
                Map<String, Object> parties = tasks.getVariables(taskId, TaskCompletionGuard.PARTY_VARIABLES);
                List<IdentityLink> links = tasks.getIdentityLinksForTask(taskId);
                // who first, then what (a stranger learns nothing of the form); the guard runs again as the task
                // completes
                guard.check(user, task, parties, links);
                TaskCompletionGuard.refuseQuietly(() -> forms.check(task, values));
                if (forms.of(task)
                        .filter(form -> QuizReviewCoverage.FORM.equals(form.id()))
                        .isPresent()) {
                    Object draft = tasks.getVariable(taskId, "quizDraft");
                    TaskCompletionGuard.refuseQuietly(() -> QuizReviewCoverage.check(draft, values.get("reviews")));
                }
                if (task.getAssignee() == null) {
                    tasks.setAssignee(taskId, user); // the audit trail names who took an offered task
                }
                tasks.addComment(taskId, task.getProcessInstanceId(), AUDIT_COMMENT, auditText(task, values));
                tasks.complete(taskId, values);
                try {
                    alsoRecord.run(EngineConnection.of(context));
                } catch (SQLException e) {
                    throw new IllegalStateException("recording the decision on task " + taskId + " failed", e);
                }
                return null;
            });
        } catch (TaskCompletionGuard.Refused refused) {
            throw refused.problem();
        } catch (FlowableOptimisticLockingException
                | FlowableObjectNotFoundException
                | FlowableTaskAlreadyClaimedException raced) {
            throw completedOrUnknown(user, taskId);
        } finally {
            Authentication.setAuthenticatedUserId(previous);
        }
    }

    /** 409 for a task the user could take that someone else has just completed; otherwise nothing to tell. */
    private RuntimeException completedOrUnknown(String user, String taskId) {
        HistoricTaskInstance done = engine.getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskId(taskId)
                .singleResult();
        if (done != null && done.getEndTime() != null && done.getDeleteReason() == null) {
            Set<String> groups = directory.groupsOf(user);
            boolean wasOffered = user.equals(done.getAssignee())
                    || engine.getHistoryService().getHistoricIdentityLinksForTask(taskId).stream()
                            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                            .anyMatch(link -> user.equals(link.getUserId())
                                    || (link.getGroupId() != null && groups.contains(link.getGroupId())));
            if (wasOffered) {
                return new TrainflowProblem.Conflict(
                        "Task " + taskId + " was completed a moment ago (by someone else, or in another window)");
            }
        }
        return new TrainflowProblem.NotFound("No open task " + taskId + " for " + user);
    }

    static String auditText(Task task, Map<String, Object> variables) {
        StringBuilder text = new StringBuilder(task.getTaskDefinitionKey()).append(':');
        variables.forEach(
                (name, value) -> text.append(' ').append(name).append('=').append(value));
        return text.length() > 3900 ? text.substring(0, 3900) : text.toString();
    }
}

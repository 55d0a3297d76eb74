package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.duties.Duties;
import io.trainflow.workflows.duties.Parties;
import io.trainflow.workflows.duties.Step;
import io.trainflow.workflows.engine.ApprovalHandOver;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.notify.tasks.TaskNotice;
import io.trainflow.workflows.notify.tasks.TaskNotifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * A delegation reaches the approvals already waiting: the approver's open approval tasks (assigned to them by name)
 * move to the deputy, who decides them on the approver's behalf ({@value Parties#ON_BEHALF_OF} on the task, so
 * the audit trail and "nobody decides two levels" count both), each in its own transaction with a comment in the
 * audit trail, and the deputy is told. Separation of duties ({@link Duties}) decides whether the deputy may: a
 * deputy who is the learner or the requester, or decided another level, does not get the task; it stays.
 * Removing the delegation gives the tasks still waiting back.
 */
public final class OpenApprovals implements ApprovalHandOver {

    /** Comment type of a move in the audit trail. */
    public static final String AUDIT_COMMENT = "delegation";

    private final ProcessEngine engine;
    private final Duties duties;
    private final TaskNotifier notifier;

    public OpenApprovals(TrainflowEngine engine, Directory directory, TaskNotifier notifier) {
        this.engine = engine.flowable();
        this.duties = new Duties(directory);
        this.notifier = notifier == null ? TaskNotifier.NONE : notifier;
    }

    /** Moves the approver's open approvals to the deputy where the rules allow. */
    @Override
    public Result delegate(String approver, String deputy, String reason) {
        List<String> moved = new ArrayList<>();
        Map<String, String> kept = new LinkedHashMap<>();
        for (Task task : engine.getTaskService()
                .createTaskQuery()
                .active()
                .taskAssignee(approver)
                .list()) {
            engine.getManagementService().executeCommand(context -> {
                TaskService tasks = engine.getTaskService();
                Map<String, Object> variables = tasks.getVariables(task.getId(), TaskCompletionGuard.PARTY_VARIABLES);
                Step step = TaskCompletionGuard.step(task, variables, tasks.getIdentityLinksForTask(task.getId()));
                if (!step.decision()) {
                    return null; // only approvals are delegated (a revision is the requester's own)
                }
                Optional<String> conflict =
                        duties.handOverConflict(deputy, TaskCompletionGuard.parties(variables), step);
                if (conflict.isPresent()) {
                    kept.put(task.getId(), conflict.get());
                    return null;
                }
                tasks.setAssignee(task.getId(), deputy);
                tasks.setVariableLocal(task.getId(), "approver", deputy);
                tasks.setVariableLocal(task.getId(), Parties.ON_BEHALF_OF, approver);
                tasks.addComment(
                        task.getId(),
                        task.getProcessInstanceId(),
                        AUDIT_COMMENT,
                        "moved from " + approver + " to deputy " + deputy
                                + (reason == null || reason.isBlank() ? "" : ": " + reason));
                Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
                notifier.notice(TaskNotices.notice(engine, now, TaskNotice.Kind.CREATED), TaskNotices.connection());
                moved.add(task.getId());
                return null;
            });
        }
        return new Result(moved, kept);
    }

    /** Gives the approvals the deputy has not decided yet back to the approver. */
    @Override
    public List<String> giveBack(String approver, String deputy) {
        List<String> back = new ArrayList<>();
        for (Task task : engine.getTaskService()
                .createTaskQuery()
                .active()
                .taskAssignee(deputy)
                .taskVariableValueEquals(Parties.ON_BEHALF_OF, approver)
                .list()) {
            engine.getManagementService().executeCommand(context -> {
                TaskService tasks = engine.getTaskService();
                tasks.setAssignee(task.getId(), approver);
                tasks.removeVariableLocal(task.getId(), "approver");
                tasks.removeVariableLocal(task.getId(), Parties.ON_BEHALF_OF);
                tasks.addComment(
                        task.getId(),
                        task.getProcessInstanceId(),
                        AUDIT_COMMENT,
                        "back from deputy " + deputy + " to " + approver + ": delegation removed");
                back.add(task.getId());
                return null;
            });
        }
        return back;
    }
}

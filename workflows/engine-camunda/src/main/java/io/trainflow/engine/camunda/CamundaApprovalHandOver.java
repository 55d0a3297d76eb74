package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.trainflow.workflows.duties.Duties;
import io.trainflow.workflows.duties.Parties;
import io.trainflow.workflows.duties.Step;
import io.trainflow.workflows.engine.ApprovalHandOver;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.notify.tasks.TaskNotice;
import io.trainflow.workflows.notify.tasks.TaskNotifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link ApprovalHandOver} on the cluster's user tasks. A moved task carries, as its own (local) variables, the deputy
 * as {@code approver} and the approver as {@value Parties#ON_BEHALF_OF}, so a completion records both deciders as on
 * the embedded engine; then it is assigned to the deputy, who is told through Trainflow's outbox. The cluster keeps no
 * comment trail: the move is in Trainflow's access audit (the REST face records it), not in the request's trail.
 */
final class CamundaApprovalHandOver implements ApprovalHandOver {

    private final CamundaClient client;
    private final CamundaUserTasks tasks;
    private final Duties duties;
    private final TaskNotifier notifier;
    private final DataSource records;

    /** {@code records}: Trainflow's database, where the deputy's notice goes (null: nobody is told, in tests). */
    CamundaApprovalHandOver(
            CamundaClient client,
            CamundaUserTasks tasks,
            Directory directory,
            TaskNotifier notifier,
            DataSource records) {
        this.client = client;
        this.tasks = tasks;
        this.duties = new Duties(directory);
        this.notifier = notifier == null ? TaskNotifier.NONE : notifier;
        this.records = records;
    }

    @Override
    public Result delegate(String approver, String deputy, String reason) {
        List<String> moved = new ArrayList<>();
        Map<String, String> kept = new LinkedHashMap<>();
        for (UserTask task : tasks.assignedTo(approver)) {
            Map<String, Object> variables = tasks.variables(task);
            Step step = CamundaUserTasks.step(task, variables);
            if (!step.decision()) {
                continue; // only approvals are delegated (a revision is the requester's own)
            }
            String id = String.valueOf(task.getUserTaskKey());
            Optional<String> conflict = duties.handOverConflict(deputy, CamundaUserTasks.parties(variables), step);
            if (conflict.isPresent()) {
                kept.put(id, conflict.get());
                continue;
            }
            // the names first: a task left with them but still the approver's is decided by the approver as before
            local(task, Map.of("approver", deputy, Parties.ON_BEHALF_OF, approver));
            assign(task, deputy);
            tell(tasks.notice(tasks.find(id).orElse(task), TaskNotice.Kind.CREATED));
            moved.add(id);
        }
        return new Result(moved, kept);
    }

    @Override
    public List<String> giveBack(String approver, String deputy) {
        List<String> back = new ArrayList<>();
        for (UserTask task : tasks.assignedTo(deputy)) {
            if (!approver.equals(tasks.variables(task).get(Parties.ON_BEHALF_OF))) {
                continue;
            }
            // the cluster cannot remove a variable: the task's own names become the approver's again
            Map<String, Object> own = new HashMap<>();
            own.put("approver", approver);
            own.put(Parties.ON_BEHALF_OF, null);
            local(task, own);
            assign(task, approver);
            back.add(String.valueOf(task.getUserTaskKey()));
        }
        return back;
    }

    private void local(UserTask task, Map<String, Object> variables) {
        CamundaErrors.translated(() -> client.newSetVariablesCommand(task.getElementInstanceKey())
                .variables(variables)
                .local(true)
                .send()
                .join());
    }

    private void assign(UserTask task, String assignee) {
        CamundaErrors.translated(() -> client.newAssignUserTaskCommand(task.getUserTaskKey())
                .assignee(assignee)
                .allowOverride(true)
                .send()
                .join());
    }

    private void tell(TaskNotice notice) {
        if (records == null || notifier == TaskNotifier.NONE) {
            return;
        }
        try (Connection connection = records.getConnection()) {
            connection.setAutoCommit(false);
            notifier.notice(notice, connection);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Task " + notice.taskId() + " moved; its notice could not be written", e);
        }
    }
}

package io.trainflow.plugin.requests;

import io.trainflow.plugin.access.Access;
import io.trainflow.plugin.inbox.TaskInbox;
import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.engine.ProcessHistoryPort.ProcessRecord;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The person who made a request withdraws it while it runs: the process instance ends with the reason
 * {@code withdrawn by <user>}, which closes its open tasks and shows in the audit trail. A campaign's request is
 * part of the campaign's process and stays; a request already sent back for changes is withdrawn through its form.
 */
@Service
public class Withdrawals {

    static final String REASON = "withdrawn by ";

    private final ProcessHistoryPort processes;
    private final RequestHistory history;
    private final Access access;
    private final TaskInbox inbox;

    public Withdrawals(ProcessHistoryPort processes, RequestHistory history, Access access, TaskInbox inbox) {
        this.processes = processes;
        this.history = history;
        this.access = access;
        this.inbox = inbox;
    }

    public void withdraw(String user, String requestId) {
        ProcessRecord request = history.instanceOf(requestId);
        Map<String, Object> variables = processes.variables(request.id());
        Object requester = variables.get("requestedBy");
        if (!user.equals(requester)
                && !access.maySeeRequest(
                        user,
                        requestId,
                        (String) requester,
                        (String) variables.get("employeeId"),
                        !inbox.tasksOf(user, requestId).isEmpty())) {
            throw RequestHistory.notFound(requestId); // to anyone who may not see it, it does not exist
        }
        if (!user.equals(requester)) {
            throw new TrainflowProblem.Forbidden(
                    user + " did not make request " + requestId + " and cannot withdraw it");
        }
        if (request.ended() != null) {
            throw new RequestConflict("Request " + requestId + " has already ended (" + request.endElementId() + ")");
        }
        if (request.parentId() != null) {
            throw new RequestConflict("Request " + requestId + " belongs to a campaign: ask L&D to take it out");
        }
        try {
            processes.cancel(request.id(), REASON + user);
        } catch (TrainflowProblem.Conflict endedMeanwhile) {
            throw new RequestConflict("Request " + requestId + " has already ended");
        }
    }
}

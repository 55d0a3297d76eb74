package io.trainflow.plugin.requests;

import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The person who made a request withdraws it while it runs: the process instance ends with the reason
 * {@code withdrawn by <user>}, which closes its open tasks and shows in the audit trail. A campaign's request is
 * part of the campaign's process and stays; a request already sent back for changes is withdrawn through its form.
 */
@Service
public class Withdrawals {

    static final String REASON = "withdrawn by ";

    private final ProcessEngine engine;
    private final RequestHistory history;

    public Withdrawals(TrainflowEngine engine, RequestHistory history) {
        this.engine = engine.flowable();
        this.history = history;
    }

    public void withdraw(String user, String requestId) {
        HistoricProcessInstance request = history.instanceOf(requestId);
        var requestedBy = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(request.getId())
                .variableName("requestedBy").singleResult();
        Object requester = requestedBy == null ? null : requestedBy.getValue();
        if (!user.equals(requester)) {
            throw new FlowableForbiddenException(user + " did not make request " + requestId + " and cannot withdraw it");
        }
        if (request.getEndTime() != null) {
            throw new RequestConflict("Request " + requestId + " has already ended (" + request.getEndActivityId() + ")");
        }
        if (request.getSuperProcessInstanceId() != null) {
            throw new RequestConflict("Request " + requestId + " belongs to a campaign: ask L&D to take it out");
        }
        try {
            engine.getRuntimeService().deleteProcessInstance(request.getId(), REASON + user);
        } catch (FlowableObjectNotFoundException endedMeanwhile) {
            throw new RequestConflict("Request " + requestId + " has already ended");
        }
    }
}

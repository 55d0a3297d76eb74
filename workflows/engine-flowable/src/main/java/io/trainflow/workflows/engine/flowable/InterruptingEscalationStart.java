package io.trainflow.workflows.engine.flowable;

import java.util.ArrayList;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.EventSubProcessEscalationStartEventActivityBehavior;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.persistence.entity.ExecutionEntityManager;
import org.flowable.engine.impl.util.CommandContextUtil;

/**
 * The start of an interrupting escalation event sub-process. Camunda 8 terminates everything else active in the
 * enclosing scope (the flow that threw included) before the event sub-process runs; Flowable's own behaviour starts
 * the event sub-process beside them and lets them go on, so this one ends them first.
 */
class InterruptingEscalationStart extends EventSubProcessEscalationStartEventActivityBehavior {

    private static final long serialVersionUID = 1L;

    private final String startId;
    private final String eventSubProcessId;

    InterruptingEscalationStart(StartEvent start) {
        this.startId = start.getId();
        this.eventSubProcessId = start.getSubProcess().getId();
    }

    @Override
    public void execute(DelegateExecution execution) {
        interruptScope((ExecutionEntity) execution);
        super.execute(execution);
    }

    @Override
    public void trigger(DelegateExecution execution, String signalName, Object signalData) {
        interruptScope((ExecutionEntity) execution);
        super.trigger(execution, signalName, signalData);
    }

    private void interruptScope(ExecutionEntity start) {
        ExecutionEntity eventSubProcess = start;
        while (eventSubProcess != null && !eventSubProcessId.equals(eventSubProcess.getActivityId())) {
            eventSubProcess = eventSubProcess.getParent();
        }
        if (eventSubProcess == null || eventSubProcess.getParent() == null) {
            return;
        }
        String reason = "escalation event sub-process interrupting (" + startId + ")";
        ExecutionEntityManager executions = CommandContextUtil.getExecutionEntityManager();
        for (ExecutionEntity other : new ArrayList<>(eventSubProcess.getParent().getExecutions())) {
            if (!other.getId().equals(eventSubProcess.getId()) && !other.isEnded()) {
                executions.deleteChildExecutions(other, reason, false);
                executions.deleteExecutionAndRelatedData(other, reason, false);
            }
        }
    }
}

package io.trainflow.workflows.engine.flowable;

import org.flowable.bpmn.model.CompensateEventDefinition;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior;

/**
 * A compensation end event: invokes the handlers as the intermediate one does and ends its path once they have
 * completed (Flowable has no behaviour for it: it would end without compensating).
 */
class CompensationEnd extends NoneEndEventActivityBehavior implements Compensation.Waiting {

    private static final long serialVersionUID = 1L;

    private final CompensateEventDefinition definition;

    CompensationEnd(CompensateEventDefinition definition) {
        this.definition = definition;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Compensation.invoke(execution, definition)) {
            super.execute(execution);
        }
    }

    @Override
    public void trigger(DelegateExecution execution, String signalName, Object signalData) {
        super.execute(execution);
    }
}

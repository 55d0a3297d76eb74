package io.trainflow.workflows.engine.flowable;

import org.flowable.bpmn.model.CompensateEventDefinition;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.IntermediateThrowCompensationEventActivityBehavior;

/** An intermediate compensation throw event that waits for the handlers it invoked ({@link Compensation}). */
class CompensationThrow extends IntermediateThrowCompensationEventActivityBehavior implements Compensation.Waiting {

    private static final long serialVersionUID = 1L;

    CompensationThrow(CompensateEventDefinition definition) {
        super(definition);
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Compensation.invoke(execution, compensateEventDefinition)) {
            leave(execution);
        }
    }

    @Override
    public void trigger(DelegateExecution execution, String signalName, Object signalData) {
        leave(execution);
    }
}

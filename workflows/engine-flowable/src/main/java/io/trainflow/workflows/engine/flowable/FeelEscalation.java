package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.Escalation;
import org.flowable.bpmn.model.EscalationEventDefinition;
import org.flowable.bpmn.model.ThrowEvent;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.EscalationEndEventActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.IntermediateThrowEscalationEventActivityBehavior;
import org.flowable.engine.impl.bpmn.helper.EscalationPropagation;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;

/**
 * Escalation throw and end events whose escalation code is a FEEL expression ({@code escalationCode="=..."}):
 * Camunda 8 evaluates it when the event is reached, and catch events match the code it evaluated to. Flowable
 * would throw the expression text itself.
 */
final class FeelEscalation {

    private FeelEscalation() {}

    static boolean isComputed(Escalation escalation) {
        return escalation != null && Feel.isExpression(escalation.getEscalationCode());
    }

    /** The code thrown now; a result that is not a non-empty string stops the step with the element named. */
    static String code(String elementId, Escalation escalation, DelegateExecution execution) {
        Object value = Zeebe.value(escalation.getEscalationCode(), execution);
        if (!(value instanceof String code) || code.isBlank()) {
            throw new FlowableException("Escalation event '" + elementId + "': escalationCode '"
                    + escalation.getEscalationCode() + "' evaluated to " + value + ", not a string");
        }
        return code;
    }

    /** Throws the evaluated code to the nearest catching scope, then leaves the event (an end event ends). */
    private static void propagate(String elementId, Escalation escalation, DelegateExecution execution) {
        String code = code(elementId, escalation, execution);
        EscalationPropagation.propagateEscalation(code, escalation.getName(), execution);
        CommandContextUtil.getAgenda().planTakeOutgoingSequenceFlowsOperation((ExecutionEntity) execution, true);
    }

    static final class Throw extends IntermediateThrowEscalationEventActivityBehavior {

        private static final long serialVersionUID = 1L;

        private final String elementId;
        private final Escalation escalation;

        Throw(ThrowEvent event, EscalationEventDefinition definition, Escalation escalation) {
            super(event, definition, escalation);
            this.elementId = event.getId();
            this.escalation = escalation;
        }

        @Override
        public void execute(DelegateExecution execution) {
            propagate(elementId, escalation, execution);
        }
    }

    static final class End extends EscalationEndEventActivityBehavior {

        private static final long serialVersionUID = 1L;

        private final String elementId;

        End(EndEvent event, EscalationEventDefinition definition, Escalation escalation) {
            super(definition, escalation);
            this.elementId = event.getId();
        }

        @Override
        public void execute(DelegateExecution execution) {
            propagate(elementId, escalation, execution);
        }
    }
}

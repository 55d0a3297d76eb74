package io.trainflow.workflows.engine.flowable;

import org.flowable.bpmn.model.BusinessRuleTask;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.CompensateEventDefinition;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.Escalation;
import org.flowable.bpmn.model.EscalationEventDefinition;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.ThrowEvent;
import org.flowable.engine.impl.bpmn.behavior.CallActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.EscalationEndEventActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.EventSubProcessEscalationStartEventActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.IntermediateThrowCompensationEventActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.IntermediateThrowEscalationEventActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.ScriptTaskActivityBehavior;
import org.flowable.engine.impl.bpmn.parser.factory.DefaultActivityBehaviorFactory;
import org.flowable.engine.impl.delegate.ActivityBehavior;

/** Flowable's behaviours, with Zeebe's semantics for call activities and business rule tasks. */
class ZeebeActivityBehaviorFactory extends DefaultActivityBehaviorFactory {

    private final Decisions decisions;

    ZeebeActivityBehaviorFactory(Decisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public CallActivityBehavior createCallActivityBehavior(CallActivity callActivity) {
        return new ZeebeCallActivityBehavior(callActivity);
    }

    /** A FEEL script task ({@code zeebe:script}); one implemented by a job worker was read as a job-worker task. */
    @Override
    public ScriptTaskActivityBehavior createScriptTaskActivityBehavior(ScriptTask task) {
        if (Zeebe.child(task, "script").isPresent()) {
            return new FeelScriptTaskBehavior(task);
        }
        return super.createScriptTaskActivityBehavior(task);
    }

    /** An interrupting escalation event sub-process ends the rest of its scope first, as in Camunda 8. */
    @Override
    public EventSubProcessEscalationStartEventActivityBehavior
            createEventSubProcessEscalationStartEventActivityBehavior(StartEvent start) {
        return start.isInterrupting()
                ? new InterruptingEscalationStart(start)
                : super.createEventSubProcessEscalationStartEventActivityBehavior(start);
    }

    /** Compensation throw events wait for the handlers they invoke, as in Camunda 8 ({@link Compensation}). */
    @Override
    public IntermediateThrowCompensationEventActivityBehavior createIntermediateThrowCompensationEventActivityBehavior(
            ThrowEvent event, CompensateEventDefinition definition) {
        return new CompensationThrow(definition);
    }

    @Override
    public NoneEndEventActivityBehavior createNoneEndEventActivityBehavior(EndEvent end) {
        return end.getEventDefinitions().stream()
                .filter(CompensateEventDefinition.class::isInstance)
                .map(d -> (NoneEndEventActivityBehavior) new CompensationEnd((CompensateEventDefinition) d))
                .findFirst()
                .orElseGet(() -> super.createNoneEndEventActivityBehavior(end));
    }

    /** Escalation codes given as FEEL are evaluated when the event is reached ({@link FeelEscalation}). */
    @Override
    public IntermediateThrowEscalationEventActivityBehavior createIntermediateThrowEscalationEventActivityBehavior(
            ThrowEvent event, EscalationEventDefinition definition, Escalation escalation) {
        return FeelEscalation.isComputed(escalation)
                ? new FeelEscalation.Throw(event, definition, escalation)
                : super.createIntermediateThrowEscalationEventActivityBehavior(event, definition, escalation);
    }

    @Override
    public EscalationEndEventActivityBehavior createEscalationEndEventActivityBehavior(
            EndEvent end, EscalationEventDefinition definition, Escalation escalation) {
        return FeelEscalation.isComputed(escalation)
                ? new FeelEscalation.End(end, definition, escalation)
                : super.createEscalationEndEventActivityBehavior(end, definition, escalation);
    }

    @Override
    public ActivityBehavior createBusinessRuleTaskActivityBehavior(BusinessRuleTask task) {
        return new DecisionTaskBehavior(task, decisions);
    }
}

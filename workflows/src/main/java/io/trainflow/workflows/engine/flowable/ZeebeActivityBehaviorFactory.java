package io.trainflow.workflows.engine.flowable;

import org.flowable.bpmn.model.BusinessRuleTask;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.engine.impl.bpmn.behavior.CallActivityBehavior;
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

    @Override
    public ActivityBehavior createBusinessRuleTaskActivityBehavior(BusinessRuleTask task) {
        return new DecisionTaskBehavior(task, decisions);
    }
}

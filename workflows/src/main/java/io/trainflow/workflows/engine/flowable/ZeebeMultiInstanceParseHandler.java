package io.trainflow.workflows.engine.flowable;

import java.util.Set;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BusinessRuleTask;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.ExternalWorkerServiceTask;
import org.flowable.bpmn.model.ManualTask;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.UserTask;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * {@code zeebe:loopCharacteristics inputCollection/inputElement} on any multi-instance activity;
 * a parallel multi-instance call activity starts each child in its own job.
 */
class ZeebeMultiInstanceParseHandler extends AbstractBpmnParseHandler<Activity> {

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return Activity.class;
    }

    /** Flowable matches handlers on the exact element class, so name every activity kind. */
    @Override
    public Set<Class<? extends BaseElement>> getHandledTypes() {
        return Set.of(ServiceTask.class, ExternalWorkerServiceTask.class, UserTask.class, CallActivity.class,
                SubProcess.class, BusinessRuleTask.class, ManualTask.class);
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, Activity activity) {
        MultiInstanceLoopCharacteristics loop = activity.getLoopCharacteristics();
        if (loop == null) {
            return;
        }
        Zeebe.attribute(loop, "loopCharacteristics", "inputCollection").ifPresent(loop::setInputDataItem);
        Zeebe.attribute(loop, "loopCharacteristics", "inputElement").ifPresent(loop::setElementVariable);
        if (activity instanceof CallActivity && !loop.isSequential()) {
            // Zeebe activates each instance on its own; Flowable would start every child in the one
            // transaction that enters the loop (a 10,000-person campaign ran 11 minutes in one job).
            // Asynchronous and not exclusive: one short transaction per child, in parallel.
            activity.setAsynchronous(true);
            activity.setExclusive(false);
        }
    }
}

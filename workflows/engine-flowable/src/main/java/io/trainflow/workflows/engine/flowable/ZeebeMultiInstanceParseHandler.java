package io.trainflow.workflows.engine.flowable;

import java.util.Set;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BusinessRuleTask;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.ExternalWorkerServiceTask;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.ManualTask;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.ReceiveTask;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * {@code zeebe:loopCharacteristics inputCollection/inputElement} and {@code outputCollection/outputElement}
 * ({@link MultiInstanceOutput}) on any multi-instance activity;
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
        return Set.of(
                ServiceTask.class,
                ExternalWorkerServiceTask.class,
                UserTask.class,
                CallActivity.class,
                SubProcess.class,
                BusinessRuleTask.class,
                ManualTask.class,
                ScriptTask.class,
                ReceiveTask.class);
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, Activity activity) {
        MultiInstanceLoopCharacteristics loop = activity.getLoopCharacteristics();
        if (loop == null) {
            return;
        }
        Zeebe.attribute(loop, "loopCharacteristics", "inputCollection").ifPresent(loop::setInputDataItem);
        Zeebe.attribute(loop, "loopCharacteristics", "inputElement").ifPresent(loop::setElementVariable);
        if (loop.getElementIndexVariable() == null
                || loop.getElementIndexVariable().isBlank()) {
            loop.setElementIndexVariable(LoopCounter.INDEX); // loopCounter itself is Camunda's 1-based one
            FlowableListener counter = new FlowableListener();
            counter.setEvent(ExecutionListener.EVENTNAME_START);
            counter.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_INSTANCE);
            counter.setInstance(new LoopCounter());
            activity.getExecutionListeners().add(0, counter);
        }
        var output = Zeebe.attribute(loop, "loopCharacteristics", "outputCollection");
        var element = Zeebe.attribute(loop, "loopCharacteristics", "outputElement");
        boolean listening =
                activity.getExecutionListeners().stream().anyMatch(l -> l.getInstance() instanceof MultiInstanceOutput);
        if (output.isPresent() && element.isPresent() && !listening) {
            FlowableListener listener = new FlowableListener();
            listener.setEvent(ExecutionListener.EVENTNAME_END);
            listener.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_INSTANCE);
            listener.setInstance(new MultiInstanceOutput(output.get(), element.get()));
            activity.getExecutionListeners().add(listener);
        }
        if (activity instanceof CallActivity && !loop.isSequential()) {
            // Zeebe activates each instance on its own; Flowable would start every child in the one
            // transaction that enters the loop (a 10,000-person campaign ran 11 minutes in one job).
            // Asynchronous and not exclusive: one short transaction per child, in parallel.
            activity.setAsynchronous(true);
            activity.setExclusive(false);
        }
    }
}

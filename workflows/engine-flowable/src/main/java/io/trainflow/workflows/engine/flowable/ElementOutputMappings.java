package io.trainflow.workflows.engine.flowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ReceiveTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.ThrowEvent;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * {@code zeebe:ioMapping} outputs of the elements that are not jobs or user tasks — start events, intermediate
 * catch and throw events, boundary events, receive tasks, sub-processes — applied as Zeebe applies them: when the
 * element completes, each source evaluated where the element ran (a correlated message's variables included), each
 * target set in the scope around it. (Camunda's tutorials set a start event's outputs, e.g. a case key that a
 * message subscription later correlates on.)
 */
final class ElementOutputMappings extends AbstractBpmnParseHandler<FlowNode> {

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return FlowNode.class;
    }

    /** Flowable matches handlers on the exact element class. */
    @Override
    public Set<Class<? extends BaseElement>> getHandledTypes() {
        return Set.of(
                StartEvent.class,
                IntermediateCatchEvent.class,
                ThrowEvent.class,
                BoundaryEvent.class,
                ReceiveTask.class,
                SubProcess.class);
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, FlowNode element) {
        if (Zeebe.mappings(element, "output").isEmpty()
                || element.getExecutionListeners().stream().anyMatch(l -> l.getInstance() instanceof Apply)) {
            return;
        }
        FlowableListener listener = new FlowableListener();
        listener.setEvent(ExecutionListener.EVENTNAME_END);
        listener.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_INSTANCE);
        listener.setInstance(new Apply());
        element.getExecutionListeners().add(listener);
    }

    /** Evaluates the element's outputs as it ends; targets go to the scope around it (the variable's own if it has one). */
    static final class Apply implements ExecutionListener {

        private static final long serialVersionUID = 1L;

        @Override
        public void notify(DelegateExecution execution) {
            FlowElement element = execution.getCurrentFlowElement();
            List<Zeebe.Mapping> outputs = Zeebe.mappings(element, "output");
            Map<String, Object> values = new LinkedHashMap<>();
            for (Zeebe.Mapping output : outputs) {
                values.put(output.target(), Zeebe.value(output.source(), execution));
            }
            DelegateExecution scope =
                    execution.getParent() != null && element instanceof SubProcess ? execution.getParent() : execution;
            values.forEach(scope::setVariable);
        }
    }
}

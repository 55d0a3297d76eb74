package io.trainflow.workflows.engine.flowable;

import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.IOParameter;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * {@code zeebe:calledElement} and {@code zeebe:ioMapping} on a call activity. As in Zeebe, the
 * child sees all of the parent's variables unless {@code propagateAllParentVariables="false"}
 * (then only its inputs); output propagation is done by {@link ZeebeCallActivityBehavior}.
 */
class ZeebeCallActivityParseHandler extends AbstractBpmnParseHandler<CallActivity> {

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return CallActivity.class;
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, CallActivity call) {
        Zeebe.attribute(call, "calledElement", "processId").ifPresent(call::setCalledElement);
        // Zeebe copies every parent variable into the child unless propagateAllParentVariables="false"
        call.setInheritVariables(!"false"
                .equalsIgnoreCase(Zeebe.attribute(call, "calledElement", "propagateAllParentVariables")
                        .orElse("true")));
        call.setInParameters(parameters(Zeebe.mappings(call, "input")));
        call.setOutParameters(parameters(Zeebe.mappings(call, "output")));
    }

    private static List<IOParameter> parameters(List<Zeebe.Mapping> mappings) {
        List<IOParameter> parameters = new ArrayList<>();
        for (Zeebe.Mapping mapping : mappings) {
            IOParameter parameter = new IOParameter();
            parameter.setSourceExpression(mapping.source());
            parameter.setTarget(mapping.target());
            parameters.add(parameter);
        }
        return parameters;
    }
}

package io.trainflow.workflows.engine.flowable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.ThrowEvent;

/**
 * Camunda 8's link events are a "go to" within one scope: a link throw event continues at the link catch
 * event of the same name. Flowable has none, so each pair becomes what it means: a sequence flow from the
 * throw to the catch, the catch a pass-through event. A throw with no catch of its name keeps its mark
 * ({@link ZeebeModelReader#LINK}), and lint names it.
 */
final class LinkEvents {

    private LinkEvents() {}

    static void connect(Process process) {
        connect((FlowElementsContainer) process);
    }

    private static void connect(FlowElementsContainer container) {
        Map<String, ThrowEvent> catches = new HashMap<>();
        List<ThrowEvent> throwsToLink = new ArrayList<>();
        for (FlowElement element : new ArrayList<>(container.getFlowElements())) {
            String link = element.getAttributeValue(null, ZeebeModelReader.LINK);
            if (element instanceof SubProcess sub) {
                connect(sub);
            } else if (link != null && element instanceof IntermediateCatchEvent caught) {
                catches.put(link, passThrough(container, caught));
            } else if (link != null && element instanceof ThrowEvent thrown) {
                throwsToLink.add(thrown);
            }
        }
        for (ThrowEvent thrown : throwsToLink) {
            ThrowEvent target = catches.get(thrown.getAttributeValue(null, ZeebeModelReader.LINK));
            if (target == null) {
                continue;
            }
            SequenceFlow flow = new SequenceFlow(thrown.getId(), target.getId());
            flow.setId(thrown.getId() + "-link-" + target.getId());
            flow.setSourceFlowElement(thrown);
            flow.setTargetFlowElement(target);
            thrown.getOutgoingFlows().add(flow);
            target.getIncomingFlows().add(flow);
            container.addFlowElement(flow);
            thrown.getAttributes().remove(ZeebeModelReader.LINK);
        }
    }

    /** The catch event, as a none event that the link flows pass through (same id, name and outgoing flows). */
    private static ThrowEvent passThrough(FlowElementsContainer container, IntermediateCatchEvent caught) {
        ThrowEvent event = new ThrowEvent();
        event.setId(caught.getId());
        event.setName(caught.getName());
        event.setDocumentation(caught.getDocumentation());
        event.setXmlRowNumber(caught.getXmlRowNumber());
        event.setXmlColumnNumber(caught.getXmlColumnNumber());
        event.setExtensionElements(caught.getExtensionElements());
        event.setIncomingFlows(new ArrayList<>(caught.getIncomingFlows()));
        event.setOutgoingFlows(new ArrayList<>(caught.getOutgoingFlows()));
        event.getOutgoingFlows().forEach(flow -> flow.setSourceFlowElement(event));
        event.setParentContainer(caught.getParentContainer());
        container.removeFlowElement(caught.getId());
        container.addFlowElement(event);
        return event;
    }
}

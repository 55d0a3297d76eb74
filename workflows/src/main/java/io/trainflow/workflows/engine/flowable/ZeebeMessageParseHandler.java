package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.Message;
import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * Zeebe correlates a message by name and correlation key. Flowable subscribes by name only,
 * so a catch event subscribes to {@code name::key}, the key evaluated by FEEL when the event
 * is entered. {@link MessageCorrelator} sends to the same composite name.
 */
class ZeebeMessageParseHandler extends AbstractBpmnParseHandler<MessageEventDefinition> {

    static final String SEPARATOR = "::";

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return MessageEventDefinition.class;
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, MessageEventDefinition definition) {
        if (bpmnParse.getCurrentFlowElement() instanceof StartEvent || definition.getMessageRef() == null) {
            return;
        }
        Message message = bpmnParse.getBpmnModel().getMessage(definition.getMessageRef());
        if (message == null) {
            return;
        }
        Zeebe.attribute(message, "subscription", "correlationKey").map(Feel::expressionOf).ifPresent(key -> {
            definition.setMessageRef(null);
            definition.setMessageExpression("=\"" + message.getName() + SEPARATOR + "\" + string(" + key + ")");
        });
    }

    static String subscriptionName(String messageName, String correlationKey) {
        return messageName + SEPARATOR + correlationKey;
    }
}

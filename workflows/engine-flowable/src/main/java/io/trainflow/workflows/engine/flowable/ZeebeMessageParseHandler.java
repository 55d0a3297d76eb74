package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.feel.Feel;
import java.util.Optional;
import java.util.Set;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.EventSubProcess;
import org.flowable.bpmn.model.Message;
import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * Zeebe correlates a message by name and correlation key. Flowable subscribes by name only,
 * so a catch event (and an event sub-process's message start) subscribes to {@code name::key},
 * the key evaluated by FEEL when the scope is entered. A process's message start subscribes to
 * {@code name::start::processId}: in Camunda 8 several processes may start on one message name
 * (Flowable refuses two subscriptions of one name). {@link MessageCorrelator} publishes to both.
 */
class ZeebeMessageParseHandler extends AbstractBpmnParseHandler<BaseElement> {

    static final String SEPARATOR = "::";
    static final String START = SEPARATOR + "start" + SEPARATOR;

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return MessageEventDefinition.class;
    }

    @Override
    public Set<Class<? extends BaseElement>> getHandledTypes() {
        // Flowable parses the definitions of a process's start events itself, without handlers
        return Set.of(MessageEventDefinition.class, StartEvent.class);
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, BaseElement element) {
        if (element instanceof StartEvent start) {
            for (EventDefinition definition : start.getEventDefinitions()) {
                if (definition instanceof MessageEventDefinition message
                        && start.getSubProcess() instanceof EventSubProcess) {
                    catchSubscription(bpmnParse, message);
                } else if (definition instanceof MessageEventDefinition message) {
                    startSubscription(bpmnParse, message);
                }
            }
        } else if (element instanceof MessageEventDefinition definition
                && !(bpmnParse.getCurrentFlowElement() instanceof StartEvent start
                        && !(start.getSubProcess() instanceof EventSubProcess))) {
            catchSubscription(bpmnParse, definition);
        }
    }

    private static void startSubscription(BpmnParse bpmnParse, MessageEventDefinition definition) {
        Message message = definition.getMessageRef() == null
                ? null
                : bpmnParse.getBpmnModel().getMessage(definition.getMessageRef());
        if (message != null) {
            // not a message id, so Flowable keeps it as the subscription's name
            definition.setMessageRef(
                    message.getName() + START + bpmnParse.getCurrentProcess().getId());
        }
    }

    private static void catchSubscription(BpmnParse bpmnParse, MessageEventDefinition definition) {
        Message message = definition.getMessageRef() == null
                ? null
                : bpmnParse.getBpmnModel().getMessage(definition.getMessageRef());
        if (message == null) {
            return;
        }
        subscriptionExpression(message).ifPresent(expression -> {
            definition.setMessageRef(null);
            definition.setMessageExpression(expression);
        });
    }

    /** The FEEL expression naming the subscription {@code name::key} of a message with a correlation key. */
    static Optional<String> subscriptionExpression(Message message) {
        return Zeebe.attribute(message, "subscription", "correlationKey")
                .map(Feel::expressionOf)
                .map(key -> "=\"" + message.getName() + SEPARATOR + "\" + string(" + key + ")");
    }

    static String subscriptionName(String messageName, String correlationKey) {
        return messageName + SEPARATOR + correlationKey;
    }
}

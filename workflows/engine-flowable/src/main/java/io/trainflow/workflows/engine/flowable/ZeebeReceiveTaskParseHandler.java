package io.trainflow.workflows.engine.flowable;

import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.Message;
import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.bpmn.model.ReceiveTask;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/** After Flowable's own handler: a receive task with a {@code messageRef} waits for its message ({@link ReceiveTaskBehavior}). */
class ZeebeReceiveTaskParseHandler extends AbstractBpmnParseHandler<ReceiveTask> {

    @Override
    protected Class<? extends BaseElement> getHandledType() {
        return ReceiveTask.class;
    }

    @Override
    protected void executeParse(BpmnParse bpmnParse, ReceiveTask task) {
        String messageRef = task.getAttributeValue(null, "messageRef");
        Message message = messageRef == null ? null : bpmnParse.getBpmnModel().getMessage(messageRef);
        if (message == null) {
            return;
        }
        ZeebeMessageParseHandler.subscriptionExpression(message).ifPresent(expression -> {
            MessageEventDefinition subscription = new MessageEventDefinition();
            subscription.setMessageExpression(expression);
            task.setBehavior(new ReceiveTaskBehavior(subscription));
        });
    }
}

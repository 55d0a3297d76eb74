package io.trainflow.workflows.engine.flowable;

import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.IntermediateCatchMessageEventActivityBehavior;

/**
 * A receive task with a {@code messageRef}: Camunda 8 waits for the message by name and correlation
 * key, like an intermediate message catch event (and its boundary events stay active meanwhile).
 * Flowable's receive task waits for a bare trigger, so this subscribes exactly as the catch event does.
 */
class ReceiveTaskBehavior extends IntermediateCatchMessageEventActivityBehavior {

    private static final long serialVersionUID = 1L;

    ReceiveTaskBehavior(MessageEventDefinition subscription) {
        super(subscription);
    }

    @Override
    public void trigger(DelegateExecution execution, String signalName, Object signalData) {
        deleteMessageEventSubScription(execution);
        leave(execution);
    }
}

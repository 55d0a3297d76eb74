package io.trainflow.workflows.engine.flowable;

import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.Execution;

/** Publishes a message by name and correlation key to every instance waiting for it. */
public final class MessageCorrelator {

    private final RuntimeService runtime;

    public MessageCorrelator(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Returns how many waiting events received the message (0: nobody waits for it now). */
    public int correlate(String messageName, String correlationKey, Map<String, Object> variables) {
        String subscription = ZeebeMessageParseHandler.subscriptionName(messageName, correlationKey);
        List<Execution> waiting = runtime.createExecutionQuery().messageEventSubscriptionName(subscription).list();
        for (Execution execution : waiting) {
            runtime.messageEventReceived(subscription, execution.getId(), variables);
        }
        return waiting.size();
    }
}

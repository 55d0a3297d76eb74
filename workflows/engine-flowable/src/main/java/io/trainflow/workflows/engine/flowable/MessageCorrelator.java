package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.MessagePort;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.Execution;
import org.flowable.eventsubscription.api.EventSubscription;

/** Publishes a message by name and correlation key, as Camunda 8 does. */
public final class MessageCorrelator implements MessagePort {

    private final RuntimeService runtime;

    public MessageCorrelator(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Returns how many waiting events received the message (0: nobody waits for it now). */
    @Override
    public int correlate(String messageName, String correlationKey, Map<String, Object> variables) {
        String subscription = ZeebeMessageParseHandler.subscriptionName(messageName, correlationKey);
        List<Execution> waiting = runtime.createExecutionQuery()
                .messageEventSubscriptionName(subscription)
                .list();
        for (Execution execution : waiting) {
            runtime.messageEventReceived(subscription, execution.getId(), variables);
        }
        return waiting.size();
    }

    /**
     * Camunda 8's publish: every instance waiting for the name and key receives it, and every process
     * with a message start event of that name starts, the variables being the new instance's.
     * Returns how many events received it.
     */
    public int publish(String messageName, String correlationKey, Map<String, Object> variables) {
        int received = correlate(messageName, correlationKey, variables);
        String prefix = messageName + ZeebeMessageParseHandler.START;
        List<EventSubscription> starts =
                runtime.createEventSubscriptionQuery().eventType("message").withoutProcessInstanceId().list().stream()
                        .filter(s -> s.getEventName().startsWith(prefix))
                        .toList();
        for (EventSubscription start : starts) {
            runtime.startProcessInstanceByMessage(start.getEventName(), correlationKey, variables);
        }
        return received + starts.size();
    }
}

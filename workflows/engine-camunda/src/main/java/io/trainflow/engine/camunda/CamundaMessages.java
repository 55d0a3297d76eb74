package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Duration;
import java.util.Map;

/**
 * LMS events as Camunda 8 messages: name, correlation key (the request id) and a time to live, so an event that
 * arrives before the request waits for it is still delivered when it starts waiting. The message id makes a
 * repeated event (a poll that sees the same completion twice) one message while the first one lives.
 */
public final class CamundaMessages {

    private final CamundaClient client;
    private final Duration ttl;

    public CamundaMessages(CamundaClient client, Duration ttl) {
        this.client = client;
        this.ttl = ttl;
    }

    /**
     * Publishes the message; false when the same message (name and key) is still alive on the cluster, which is
     * the answer to a repeated event, not an error: the first one will be delivered.
     */
    public boolean publish(String name, String correlationKey, Map<String, Object> variables) {
        try {
            CamundaErrors.translated(() -> client.newPublishMessageCommand()
                    .messageName(name)
                    .correlationKey(correlationKey)
                    .messageId(name + ":" + correlationKey)
                    .timeToLive(ttl)
                    .variables(variables == null ? Map.of() : variables)
                    .send()
                    .join());
            return true;
        } catch (TrainflowProblem.Conflict alreadyAlive) {
            return false;
        }
    }

    /**
     * Publishes the message to the instances waiting now (no time to live, no message id: a second change is a second
     * message); the cluster does not say how many received it.
     */
    public void publishNow(String name, String correlationKey, Map<String, Object> variables) {
        CamundaErrors.translated(() -> client.newPublishMessageCommand()
                .messageName(name)
                .correlationKey(correlationKey)
                .timeToLive(Duration.ZERO)
                .variables(variables == null ? Map.of() : variables)
                .send()
                .join());
    }
}

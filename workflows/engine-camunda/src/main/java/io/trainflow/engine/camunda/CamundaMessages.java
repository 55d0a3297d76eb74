package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
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

    /** Publishes the message; returns the cluster's key for it. */
    public long publish(String name, String correlationKey, Map<String, Object> variables) {
        return CamundaErrors.translated(() -> client.newPublishMessageCommand().messageName(name)
                .correlationKey(correlationKey).messageId(name + ":" + correlationKey).timeToLive(ttl)
                .variables(variables == null ? Map.of() : variables).send().join().getMessageKey());
    }
}

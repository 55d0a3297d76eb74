package io.trainflow.connectors.error;

import java.time.Duration;
import java.util.Optional;

/**
 * An external system could not answer now (refused connection, timeout, 5xx, 429, its circuit breaker open):
 * a later attempt may work. The connector's own retries have run out when the step sees it; the step is then
 * tried again no earlier than {@link #retryAfter()}, the time the system asked for (HTTP Retry-After) or the time
 * its breaker stays open, so a step's next attempt never lands on an open breaker.
 */
public class PortUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public PortUnavailableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The earliest sensible next attempt from now, when the system or its breaker said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

package io.trainflow.connectors.moodle.resilience;

import io.trainflow.connectors.moodle.error.MoodleUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A minimal circuit breaker per external system (camel-resilience4j is not available to the build).
 * Closed: calls pass, consecutive transient failures are counted. At the threshold it opens and
 * every call fails fast until {@code openFor} has passed; then one trial call is let through
 * (half-open): success closes it, failure opens it again. Business errors count as successes:
 * the system answered.
 */
public final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final String system;
    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;

    public CircuitBreaker(String system, int threshold, Duration openFor, Clock clock) {
        this.system = system;
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Throws when the breaker is open; lets one trial through once the open period has passed. */
    public synchronized void beforeCall() {
        if (state == State.OPEN) {
            if (clock.instant().isBefore(openedAt.plus(openFor))) {
                throw new MoodleUnavailableException.CircuitOpen(system);
            }
            state = State.HALF_OPEN;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
    }

    public synchronized void onFailure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    public synchronized boolean isOpen() {
        return state == State.OPEN && clock.instant().isBefore(openedAt.plus(openFor));
    }
}

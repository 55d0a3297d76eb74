package io.trainflow.connectors.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A minimal circuit breaker per external system (camel-resilience4j is not available to the build).
 * Closed: calls pass, consecutive transient failures are counted. At the threshold it opens and
 * every call fails fast until {@code openFor} has passed; then one trial call is let through
 * (half-open): success closes it, failure opens it again. Business errors count as successes:
 * the system answered. Shared by every connector: each supplies the transient exception its
 * callers expect when the breaker is open.
 */
public final class CircuitBreaker {

    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final String system;
    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private final Function<Duration, ? extends RuntimeException> whenOpen;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;

    public CircuitBreaker(
            String system,
            int threshold,
            Duration openFor,
            Clock clock,
            Supplier<? extends RuntimeException> whenOpen) {
        this(system, threshold, openFor, clock, (Duration remaining) -> whenOpen.get());
    }

    /** As above; {@code whenOpen} is told how long the breaker stays open, so callers know when to come back. */
    public CircuitBreaker(
            String system,
            int threshold,
            Duration openFor,
            Clock clock,
            Function<Duration, ? extends RuntimeException> whenOpen) {
        this.system = system;
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
        this.whenOpen = whenOpen;
    }

    public String system() {
        return system;
    }

    /** Throws when the breaker is open; lets one trial through once the open period has passed. */
    public synchronized void beforeCall() {
        if (state == State.OPEN) {
            if (clock.instant().isBefore(openedAt.plus(openFor))) {
                throw whenOpen.apply(remainingOpen());
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

    /** How long calls still fail fast; zero when the breaker lets calls (or a trial) through. */
    public synchronized Duration remainingOpen() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), openedAt.plus(openFor));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public synchronized boolean isOpen() {
        return state == State.OPEN && clock.instant().isBefore(openedAt.plus(openFor));
    }
}

package io.trainflow.workflows.engine.flowable;

import io.trainflow.connectors.error.PortUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed step runs again, and how many attempts it has left. Exponential backoff with jitter between
 * attempts; but a system that is unavailable (its connector's own retries spent, its circuit breaker open) is an
 * outage, not a fault of the step: while the step is younger than {@code outageWindow} such failures do not use
 * up its attempts, and the next attempt waits at least as long as the system asked (Retry-After) or its breaker
 * stays open, so an outage of minutes heals on its own instead of ending in an incident after three attempts
 * that all hit the open breaker.
 *
 * @param outageWindow  how long after the step began an unavailable system is waited for without using attempts
 * @param outageMaxWait the longest wait between attempts during an outage (beyond what the system asked)
 */
public record RetryPolicy(
        Duration initial, Duration max, double jitter, Duration outageWindow, Duration outageMaxWait) {

    public RetryPolicy(Duration initial, Duration max, double jitter) {
        this(initial, max, jitter, Duration.ofMinutes(15), Duration.ofMinutes(1));
    }

    /** 5 s doubling to 10 min, ±25 %; outages of up to 15 minutes waited for, at most a minute between attempts. */
    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), 0.25);
    }

    /** What follows a failed attempt: {@code retriesLeft} 0 makes the step an incident. */
    public record Next(int retriesLeft, Duration delay, boolean outage) {}

    /**
     * @param attempts         attempts the step has in all
     * @param retriesLeft      attempts it had left before this one failed
     * @param error            why it failed
     * @param sinceStepStarted how long ago the step was reached (engine time)
     */
    public Next next(int attempts, int retriesLeft, Throwable error, Duration sinceStepStarted) {
        Optional<PortUnavailableException> unavailable = unavailable(error);
        Duration asked = unavailable
                .flatMap(PortUnavailableException::retryAfter)
                .map(this::capped)
                .orElse(Duration.ZERO);
        if (unavailable.isPresent() && sinceStepStarted.compareTo(outageWindow) < 0) {
            // half the outage so far, between the first backoff and outageMaxWait: 5 s, 5 s, 10 s, 20 s ... 1 min
            long ms = Math.min(outageMaxWait.toMillis(), Math.max(initial.toMillis(), sinceStepStarted.toMillis() / 2));
            return new Next(Math.max(1, retriesLeft), later(jittered(ms), asked), true);
        }
        int left = Math.max(0, retriesLeft - 1);
        return new Next(left, later(backoff(attempts - left), asked), false);
    }

    /** Wait before attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
    public Duration backoff(int attempt) {
        double base = initial.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        return jittered(Math.min(base, max.toMillis()));
    }

    private Duration jittered(double millis) {
        double spread = millis * jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Duration.ofMillis(Math.max(1, Math.round(millis + spread)));
    }

    private Duration capped(Duration asked) {
        return asked.compareTo(max) > 0 ? max : asked;
    }

    /** The later of the two, plus a little when the system named the time, so the attempt lands after it. */
    private static Duration later(Duration backoff, Duration asked) {
        return asked.isZero() || backoff.compareTo(asked) > 0 ? backoff : asked.plusMillis(250);
    }

    private static Optional<PortUnavailableException> unavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PortUnavailableException u) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}

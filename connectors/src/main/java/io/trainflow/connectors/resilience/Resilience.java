package io.trainflow.connectors.resilience;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a connector treats one external system when it struggles: a 5 s timeout, bounded retries of
 * transient failures with exponential backoff and jitter, a circuit breaker and a rate limit.
 * Business errors ("no", "not found", "invalid") are never retried.
 *
 * @param timeout          connect and response timeout per call
 * @param maxRetries       redeliveries of a transient failure before it reaches the caller
 * @param initialBackoff   first retry delay, doubled per retry with ±15 % jitter, capped at maxBackoff
 * @param breakerThreshold consecutive transient failures that open the circuit breaker
 * @param breakerOpenFor   how long the open breaker fails fast before one trial call
 * @param callsPerSecond   rate limit towards the system, 0 for none
 */
public record Resilience(
        Duration timeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        int breakerThreshold,
        Duration breakerOpenFor,
        double callsPerSecond) {

    public Resilience {
        if (timeout.isNegative() || timeout.isZero() || maxRetries < 0 || breakerThreshold < 1) {
            throw new IllegalArgumentException("resilience settings out of range: timeout=" + timeout + ", maxRetries="
                    + maxRetries + ", breakerThreshold=" + breakerThreshold);
        }
    }

    /** 5 s timeout, 4 retries from 500 ms up to 8 s, breaker after 5 failures for 30 s, 20 calls/s. */
    public static Resilience defaults() {
        return new Resilience(
                Duration.ofSeconds(5), 4, Duration.ofMillis(500), Duration.ofSeconds(8), 5, Duration.ofSeconds(30), 20);
    }

    /**
     * Defaults overridden by {@code <prefix>_TIMEOUT_MS}, {@code _MAX_RETRIES}, {@code _INITIAL_BACKOFF_MS},
     * {@code _MAX_BACKOFF_MS}, {@code _BREAKER_THRESHOLD}, {@code _BREAKER_OPEN_SECONDS},
     * {@code _CALLS_PER_SECOND}; a value that is not a number is refused naming the variable.
     */
    public static Resilience fromEnvironment(String prefix, Map<String, String> env) {
        Resilience d = defaults();
        return new Resilience(
                Duration.ofMillis(number(env, prefix + "_TIMEOUT_MS", d.timeout.toMillis())),
                (int) number(env, prefix + "_MAX_RETRIES", d.maxRetries),
                Duration.ofMillis(number(env, prefix + "_INITIAL_BACKOFF_MS", d.initialBackoff.toMillis())),
                Duration.ofMillis(number(env, prefix + "_MAX_BACKOFF_MS", d.maxBackoff.toMillis())),
                (int) number(env, prefix + "_BREAKER_THRESHOLD", d.breakerThreshold),
                Duration.ofSeconds(number(env, prefix + "_BREAKER_OPEN_SECONDS", d.breakerOpenFor.toSeconds())),
                number(env, prefix + "_CALLS_PER_SECOND", (long) d.callsPerSecond));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    public CircuitBreaker breaker(String system, Supplier<? extends RuntimeException> whenOpen) {
        return new CircuitBreaker(system, breakerThreshold, breakerOpenFor, Clock.systemUTC(), whenOpen);
    }

    /** As {@link #breaker(String, Supplier)}; {@code whenOpen} is told how long the breaker stays open. */
    public CircuitBreaker breaker(String system, Function<Duration, ? extends RuntimeException> whenOpen) {
        return new CircuitBreaker(system, breakerThreshold, breakerOpenFor, Clock.systemUTC(), whenOpen);
    }

    public RateLimiter limiter() {
        return new RateLimiter(callsPerSecond);
    }

    /** The Camel HTTP endpoint options that apply {@link #timeout()} to connect, request and response. */
    public String httpTimeoutOptions() {
        long ms = timeout.toMillis();
        return "connectTimeout=" + ms + "&responseTimeout=" + ms + "&connectionRequestTimeout=" + ms;
    }
}

package io.trainflow.workflows.engine.flowable;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter between attempts of a failing step. */
public record RetryPolicy(Duration initial, Duration max, double jitter) {

    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), 0.25);
    }

    /** Wait before attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
    public Duration backoff(int attempt) {
        double base = initial.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(base, max.toMillis());
        double spread = capped * jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped + spread)));
    }
}

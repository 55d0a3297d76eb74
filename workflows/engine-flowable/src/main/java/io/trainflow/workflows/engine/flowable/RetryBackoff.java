package io.trainflow.workflows.engine.flowable;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code retryBackoff} task header of Camunda's connectors (an ISO-8601 duration, e.g. {@code PT30S}): how long
 * a failed attempt waits before the next. Absent or unreadable: the engine's own backoff (lint names the latter).
 */
final class RetryBackoff {

    static final String HEADER = "retryBackoff";

    private RetryBackoff() {}

    static Optional<Duration> of(Map<String, String> headers) {
        String text = headers.get(HEADER);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Duration backoff = Duration.parse(text.strip());
            // Flowable needs a wait to schedule the retry at: "PT0S" retries at the next acquisition
            return Optional.of(backoff.isNegative() || backoff.isZero() ? Duration.ofMillis(1) : backoff);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package io.trainflow.connectors.moodle.error;

import io.trainflow.connectors.error.PortUnavailableException;
import java.time.Duration;

/**
 * A technical failure: Moodle could not be reached or did not answer properly (connection refused,
 * timeout, 5xx, 429, circuit open). The routes retry it with backoff; once retries are exhausted it
 * reaches the step, which is tried again once Moodle's Retry-After or the open breaker has passed.
 */
public class MoodleUnavailableException extends PortUnavailableException {

    public MoodleUnavailableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause, retryAfter);
    }

    /** The breaker for this Moodle is open; failing fast spares a struggling server. */
    public static final class CircuitOpen extends MoodleUnavailableException {
        public CircuitOpen(String system, Duration remaining) {
            super(
                    "circuit breaker open for " + system + "; not calling it for another " + remaining.toSeconds()
                            + " s",
                    null,
                    remaining);
        }
    }
}

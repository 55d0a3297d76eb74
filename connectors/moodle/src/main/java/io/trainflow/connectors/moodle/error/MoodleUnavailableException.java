package io.trainflow.connectors.moodle.error;

/**
 * A technical failure: Moodle could not be reached or did not answer properly (connection refused,
 * timeout, 5xx, 429, circuit open). The routes retry it with backoff; once retries are exhausted it
 * reaches the caller unchanged and the engine turns it into an incident a person can retry.
 */
public class MoodleUnavailableException extends RuntimeException {

    public MoodleUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The breaker for this Moodle is open; failing fast spares a struggling server. */
    public static final class CircuitOpen extends MoodleUnavailableException {
        public CircuitOpen(String system) {
            super("circuit breaker open for " + system + "; not calling it until it cools down", null);
        }
    }
}

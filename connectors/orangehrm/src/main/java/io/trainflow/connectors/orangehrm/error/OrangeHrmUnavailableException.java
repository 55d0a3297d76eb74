package io.trainflow.connectors.orangehrm.error;

/**
 * A technical failure: OrangeHRM could not be reached or did not answer properly (connection
 * refused, timeout, 5xx, 429, circuit open). Retried with backoff by the routes; once retries are
 * exhausted it reaches the caller and the engine turns it into an incident a person can retry.
 */
public class OrangeHrmUnavailableException extends RuntimeException {

    public OrangeHrmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The breaker for this OrangeHRM is open; failing fast spares a struggling server. */
    public static final class CircuitOpen extends OrangeHrmUnavailableException {
        public CircuitOpen(String system) {
            super("circuit breaker open for " + system + "; not calling it until it cools down", null);
        }
    }
}

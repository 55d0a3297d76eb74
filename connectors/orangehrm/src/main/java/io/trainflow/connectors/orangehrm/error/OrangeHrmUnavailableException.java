package io.trainflow.connectors.orangehrm.error;

import io.trainflow.connectors.error.PortUnavailableException;
import java.time.Duration;

/**
 * A technical failure: OrangeHRM could not be reached or did not answer properly (connection
 * refused, timeout, 5xx, 429, circuit open). Retried with backoff by the routes; once retries are
 * exhausted it reaches the step, which is tried again once Retry-After or the open breaker has passed.
 */
public class OrangeHrmUnavailableException extends PortUnavailableException {

    public OrangeHrmUnavailableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause, retryAfter);
    }

    /** The breaker for this OrangeHRM is open; failing fast spares a struggling server. */
    public static final class CircuitOpen extends OrangeHrmUnavailableException {
        public CircuitOpen(String system, Duration remaining) {
            super(
                    "circuit breaker open for " + system + "; not calling it for another " + remaining.toSeconds()
                            + " s",
                    null,
                    remaining);
        }
    }
}

package io.trainflow.connectors.ai.openai;

/**
 * A transient failure of the model endpoint: unreachable, timed out, 429 or 5xx, or its breaker is open.
 * The routes retry it with backoff; once retries are exhausted the step falls back offline with the message
 * as the reason. Never carries the request, the answer or the key.
 */
public class ModelUnavailableException extends ModelCallException {

    public ModelUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** Too many calls failed in a row: steps go offline at once until the breaker lets a trial call through. */
    public static final class CircuitOpen extends ModelUnavailableException {
        public CircuitOpen(String system) {
            super("circuit breaker open for " + system + "; not calling it until it cools down", null);
        }
    }
}

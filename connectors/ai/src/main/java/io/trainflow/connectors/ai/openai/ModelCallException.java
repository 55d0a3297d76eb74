package io.trainflow.connectors.ai.openai;

/**
 * The model could not be used for this step: unreachable, too slow, rate-limited past the retries, or
 * its answer broke the schema or the rules. The message is the reason recorded with the offline fallback;
 * it never carries the request, the answer or the key.
 */
public class ModelCallException extends RuntimeException {

    public ModelCallException(String reason) {
        super(reason);
    }

    public ModelCallException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

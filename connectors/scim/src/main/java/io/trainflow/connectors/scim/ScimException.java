package io.trainflow.connectors.scim;

/**
 * Errors from a SCIM provider. {@link Refused}: the provider answered "no" (400, 404; never
 * retried), with its scimType. {@link Unauthorized}: 401/403, the token is wrong or lacks scope.
 * {@link Unavailable}: unreachable, timeout, 5xx, 429 (retried with backoff, then reaches the caller).
 */
public class ScimException extends RuntimeException {

    private final int status;

    ScimException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static final class Refused extends ScimException {
        private final String scimType;

        public Refused(int status, String scimType, String message) {
            super(status, message, null);
            this.scimType = scimType;
        }

        /** RFC 7644 scimType, e.g. invalidFilter; null when the provider gave none. */
        public String scimType() {
            return scimType;
        }
    }

    public static final class Unauthorized extends ScimException {
        public Unauthorized(int status, String message) {
            super(status, message, null);
        }
    }

    public static class Unavailable extends ScimException {
        public Unavailable(String message, Throwable cause) {
            super(0, message, cause);
        }
    }

    public static final class CircuitOpen extends Unavailable {
        public CircuitOpen(String system) {
            super("circuit breaker open for " + system + "; not calling it until it cools down", null);
        }
    }
}

package io.trainflow.connectors.resilience;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Sorts what went wrong on the wire into "retry may help" and "it will not", the same way for every
 * connector: 429, 5xx and I/O failures (refused, reset, timeout) mean the system is unavailable and
 * count against its circuit breaker; any other HTTP status is an answer (the server is up) that the
 * connector turns into its own business or auth error.
 */
public final class HttpFailures {

    /**
     * The connector's exception for an unavailable system; retried by {@link CamelRetries#retryTransient}.
     * {@code retryAfter} is when a later call may work: the server's Retry-After or the time the breaker stays
     * open, whichever is later; null when neither says.
     */
    @FunctionalInterface
    public interface Unavailable {
        RuntimeException of(String message, Exception cause, Duration retryAfter);
    }

    /** The connector's reading of a status that is an answer (4xx other than 429). */
    @FunctionalInterface
    public interface Answered {
        RuntimeException of(HttpOperationFailedException answer);
    }

    private HttpFailures() {}

    /**
     * Returns the exception the route should rethrow, after telling the breaker what happened.
     *
     * @param system   how messages name the system, e.g. "Moodle"
     * @param call     the call, e.g. "GET /api/v2/pim/employees"
     */
    public static RuntimeException translate(
            Exception e,
            String system,
            String call,
            CircuitBreaker breaker,
            Unavailable unavailable,
            Answered answered) {
        if (e instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            if (isTransient(status)) {
                breaker.onFailure();
                Duration asked = RetryAfter.of(http.getResponseHeaders(), Duration.ofHours(1), Instant.now())
                        .orElse(null);
                return unavailable.of(system + " answered HTTP " + status + " to " + call, e, later(asked, breaker));
            }
            breaker.onSuccess(); // the server is up and answering
            return answered.of(http);
        }
        if (e instanceof IOException) {
            breaker.onFailure();
            return unavailable.of(system + " unreachable for " + call + ": " + e, e, later(null, breaker));
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    private static Duration later(Duration asked, CircuitBreaker breaker) {
        Duration open = breaker.remainingOpen();
        Duration wait = asked == null || open.compareTo(asked) > 0 ? open : asked;
        return wait.isZero() ? null : wait;
    }

    /** 429 Too Many Requests and every 5xx: the system cannot answer now; a later call may work. */
    public static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }
}

package io.trainflow.connectors.moodle.ws;

import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import io.trainflow.connectors.moodle.error.MoodleUnavailableException;
import io.trainflow.connectors.resilience.CircuitBreaker;
import io.trainflow.connectors.resilience.HttpFailures;

/** Sorts what went wrong on the wire into "retry may help" and "it will not" ({@link HttpFailures}). */
public final class MoodleTransport {

    private MoodleTransport() {}

    /** Returns the exception the route should rethrow, after telling the breaker what happened. */
    public static RuntimeException translate(Exception e, String function, CircuitBreaker breaker) {
        return HttpFailures.translate(e, "Moodle", function, breaker, MoodleUnavailableException::new, http -> {
            if (http.getStatusCode() == 403
                    && (http.getResponseBody() == null || http.getResponseBody().isBlank())) {
                return new MoodleBusinessException.WebServicesDisabled();
            }
            return new IllegalStateException(
                    "Moodle answered HTTP " + http.getStatusCode() + " to " + function
                            + "; is the base URL the site root?",
                    http);
        });
    }
}

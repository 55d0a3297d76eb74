package io.trainflow.connectors.moodle.ws;

import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import io.trainflow.connectors.moodle.error.MoodleUnavailableException;
import io.trainflow.connectors.resilience.CircuitBreaker;
import org.apache.camel.http.base.HttpOperationFailedException;

import java.io.IOException;

/** Sorts what went wrong on the wire into "retry may help" and "it will not". */
public final class MoodleTransport {

    private MoodleTransport() {
    }

    /** Returns the exception the route should rethrow, after telling the breaker what happened. */
    public static RuntimeException translate(Exception e, String function, CircuitBreaker breaker) {
        if (e instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            if (status == 429 || status >= 500) {
                breaker.onFailure();
                return new MoodleUnavailableException("Moodle answered HTTP " + status + " to " + function, e);
            }
            breaker.onSuccess(); // the server is up and answering
            if (status == 403 && (http.getResponseBody() == null || http.getResponseBody().isBlank())) {
                return new MoodleBusinessException.WebServicesDisabled();
            }
            return new IllegalStateException("Moodle answered HTTP " + status + " to " + function
                    + "; is the base URL the site root?", e);
        }
        if (e instanceof IOException) { // connection refused or reset, timeouts
            breaker.onFailure();
            return new MoodleUnavailableException("Moodle unreachable for " + function + ": " + e, e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
}

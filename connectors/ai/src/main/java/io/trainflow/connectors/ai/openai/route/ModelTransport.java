package io.trainflow.connectors.ai.openai.route;

import io.trainflow.connectors.ai.openai.ModelCallException;
import io.trainflow.connectors.ai.openai.ModelUnavailableException;
import io.trainflow.connectors.resilience.CircuitBreaker;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.camel.http.base.HttpOperationFailedException;

/** Sorts what went wrong on the wire into "retry may help" (429, 5xx, timeouts, refused connections) and "it will not". */
final class ModelTransport {

    private ModelTransport() {}

    /** The exception the route rethrows, after telling the breaker what happened. */
    static RuntimeException translate(Exception e, Duration timeout, CircuitBreaker breaker) {
        if (e instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            if (status == 429 || status >= 500) {
                breaker.onFailure();
                return new ModelUnavailableException("HTTP " + status, e);
            }
            breaker.onSuccess(); // the server is up and answering: a bad key or unknown model is ours to fix
            return new ModelCallException("model endpoint refused the request: HTTP " + status);
        }
        if (e instanceof SocketTimeoutException) {
            breaker.onFailure();
            return new ModelUnavailableException("timed out after " + timeout.toMillis() + " ms", e);
        }
        if (e instanceof IOException) {
            breaker.onFailure();
            return new ModelUnavailableException(
                    "connection failed (" + e.getClass().getSimpleName() + ")", e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
}

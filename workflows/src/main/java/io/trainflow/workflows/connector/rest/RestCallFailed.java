package io.trainflow.workflows.connector.rest;

/**
 * A REST call that did not work out (an HTTP error status, an unreachable host, a timeout, or a {@code jobError}
 * of the error expression): a technical failure, so the job is retried as its {@code retries} allow, then it is
 * an incident. The message names the call, never its body (it may hold personal data).
 */
public class RestCallFailed extends RuntimeException {

    private final transient RestResponse response;

    public RestCallFailed(String message, RestResponse response, Throwable cause) {
        super(message, cause);
        this.response = response;
    }

    /** The answer, when there was one. */
    public RestResponse response() {
        return response;
    }
}

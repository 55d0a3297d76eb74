package io.trainflow.connectors.orangehrm.api;

import io.trainflow.connectors.orangehrm.error.OrangeHrmAuthException;
import io.trainflow.connectors.orangehrm.error.OrangeHrmBusinessException;
import io.trainflow.connectors.orangehrm.error.OrangeHrmUnavailableException;
import io.trainflow.connectors.orangehrm.model.ApiError;
import io.trainflow.connectors.orangehrm.model.ApiErrorError;
import io.trainflow.connectors.orangehrm.model.ApiErrorErrorData;
import io.trainflow.connectors.resilience.CircuitBreaker;
import io.trainflow.connectors.resilience.HttpFailures;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Sorts what went wrong into "retry may help" (unavailable) and "it will not" (auth, business),
 * naming the call, the HTTP status and OrangeHRM's message. Messages carry paths and ids, never
 * request bodies, tokens or names.
 */
public final class OrangeHrmErrors {

    private OrangeHrmErrors() {}

    /** Returns the exception the route should rethrow, after telling the breaker what happened. */
    public static RuntimeException translate(Exception e, String call, CircuitBreaker breaker) {
        return HttpFailures.translate(
                e,
                "OrangeHRM",
                call,
                breaker,
                OrangeHrmUnavailableException::new,
                http -> forStatus(http.getStatusCode(), call, http.getResponseBody()));
    }

    static RuntimeException forStatus(int status, String call, String body) {
        Optional<ApiErrorError> error = parse(body);
        String message = error.map(ApiErrorError::getMessage).orElse("no OrangeHRM error body");
        String where = call + " -> HTTP " + status + ": " + message;
        return switch (status) {
            case 401 ->
                new OrangeHrmAuthException.InvalidToken(
                        "OrangeHRM rejected the access token or session (" + where + ")");
            case 403 ->
                new OrangeHrmBusinessException.MissingPermission(
                        "the OrangeHRM account may not do " + where + "; give it the Admin user role");
            case 404 ->
                new OrangeHrmBusinessException.NotFound("not found: " + where
                        + (error.isEmpty() ? " (is the base URL the OrangeHRM root, ending in /web/index.php?)" : ""));
            case 400, 422 -> {
                String field = error.map(ApiErrorError::getData)
                        .map(ApiErrorErrorData::getInvalidParamKeys)
                        .filter(m -> !m.isEmpty())
                        .map(m -> String.join(",", m.keySet()))
                        .orElse(null);
                yield new OrangeHrmBusinessException.InvalidParameter(
                        status,
                        field,
                        "OrangeHRM refused " + (field == null ? "a parameter" : "field '" + field + "'") + " of "
                                + where);
            }
            default -> new OrangeHrmBusinessException(status, "unexpected answer: " + where);
        };
    }

    private static Optional<ApiErrorError> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(
                    OrangeHrmJson.MAPPER.readValue(body, ApiError.class).getError());
        } catch (JacksonException notJson) {
            return Optional.empty(); // an HTML page: the URL does not point at the API
        }
    }
}

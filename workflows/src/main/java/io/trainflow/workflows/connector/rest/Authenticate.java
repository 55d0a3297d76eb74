package io.trainflow.workflows.connector.rest;

import io.trainflow.workflows.connector.rest.RestConnectorInput.Authentication;
import java.util.function.Function;

/** Applies {@code authentication.*} to a request, as the types of Camunda's REST connector define them. */
final class Authenticate {

    private Authenticate() {}

    /** @param tokens asks the token endpoint (the OAuth route) for an access token */
    static RestRequest apply(Authentication auth, RestRequest request, Function<RestRequest, String> tokens) {
        String type = auth == null || auth.type() == null || auth.type().isBlank()
                ? "noAuth"
                : auth.type().strip();
        return switch (type) {
            case "noAuth" -> request;
            case "basic" -> request.withHeader("Authorization", RestRequest.basic(auth.username(), auth.password()));
            case "bearer" -> {
                if (auth.token() == null || auth.token().isBlank()) {
                    throw new BadConnectorInput("bearer authentication needs authentication.token");
                }
                yield request.withHeader(
                        "Authorization", "Bearer " + auth.token().strip());
            }
            case "apiKey" -> {
                if (auth.name() == null || auth.name().isBlank()) {
                    throw new BadConnectorInput("API key authentication needs authentication.name");
                }
                String value = auth.value() == null ? "" : auth.value();
                yield "query".equals(auth.apiKeyLocation())
                        ? request.withQueryParameter(auth.name(), value)
                        : request.withHeader(auth.name(), value);
            }
            case "oauth-client-credentials-flow" ->
                request.withHeader("Authorization", "Bearer " + tokens.apply(OAuthToken.request(auth, request)));
            default ->
                throw new BadConnectorInput("authentication.type '" + type + "' is not one of noAuth, basic,"
                        + " bearer, apiKey, oauth-client-credentials-flow");
        };
    }
}

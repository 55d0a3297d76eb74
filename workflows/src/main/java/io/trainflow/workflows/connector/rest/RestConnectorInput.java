package io.trainflow.workflows.connector.rest;

import java.util.Map;

/**
 * What a REST connector task hands the handler: its {@code zeebe:ioMapping} inputs (as Modeler's template names
 * them) and its task headers. Timeouts are text because the template writes them as strings ("20").
 */
public record RestConnectorInput(
        String method,
        String url,
        Authentication authentication,
        Map<String, Object> headers,
        Map<String, Object> queryParameters,
        Object body,
        String connectionTimeoutInSeconds,
        String readTimeoutInSeconds,
        String resultVariable,
        String resultExpression,
        String errorExpression) {

    /**
     * {@code authentication.*}: type {@code noAuth}, {@code basic} (username, password), {@code bearer} (token),
     * {@code apiKey} (apiKeyLocation headers|query, name, value) or {@code oauth-client-credentials-flow}
     * (oauthTokenEndpoint, clientId, clientSecret, scopes, audience, clientAuthentication basicAuthHeader|credentialsBody).
     */
    public record Authentication(
            String type,
            String username,
            String password,
            String token,
            String apiKeyLocation,
            String name,
            String value,
            String oauthTokenEndpoint,
            String clientId,
            String clientSecret,
            String scopes,
            String audience,
            String clientAuthentication) {}
}

package io.trainflow.workflows.connector.rest;

import io.trainflow.workflows.connector.rest.RestConnectorInput.Authentication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The OAuth 2.0 client-credentials exchange of Camunda's REST connector: a form POST to the token endpoint with
 * {@code grant_type=client_credentials}, the scopes and audience when given, and the client's credentials in a
 * Basic header ({@code basicAuthHeader}, the default) or in the form ({@code credentialsBody}).
 */
final class OAuthToken {

    private OAuthToken() {}

    static RestRequest request(Authentication auth, RestRequest call) {
        if (blank(auth.oauthTokenEndpoint()) || blank(auth.clientId())) {
            throw new BadConnectorInput(
                    "OAuth client credentials need authentication.oauthTokenEndpoint and" + " authentication.clientId");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        StringJoiner form = new StringJoiner("&");
        form.add("grant_type=client_credentials");
        if (!blank(auth.scopes())) {
            form.add("scope=" + RestRequest.encode(auth.scopes().strip()));
        }
        if (!blank(auth.audience())) {
            form.add("audience=" + RestRequest.encode(auth.audience().strip()));
        }
        if ("credentialsBody".equals(auth.clientAuthentication())) {
            form.add("client_id=" + RestRequest.encode(auth.clientId()));
            form.add("client_secret=" + RestRequest.encode(auth.clientSecret() == null ? "" : auth.clientSecret()));
        } else {
            headers.put("Authorization", RestRequest.basic(auth.clientId(), auth.clientSecret()));
        }
        RestRequest shape = RestRequest.of(new RestConnectorInput(
                "POST", auth.oauthTokenEndpoint(), null, null, null, null, null, null, null, null, null));
        return new RestRequest(
                "POST",
                shape.url(),
                shape.query(),
                headers,
                form.toString().getBytes(StandardCharsets.UTF_8),
                call.connectTimeout(),
                call.readTimeout());
    }

    /** The access token (and its lifetime, when named) of a 2xx answer; any other answer fails the call, naming the status only. */
    static OAuthTokens.Issued read(RestResponse response) {
        if (response.failed()
                || !(response.body() instanceof Map<?, ?> body)
                || !(body.get("access_token") instanceof String token)) {
            throw new RestCallFailed(
                    "the OAuth token endpoint answered HTTP " + response.status()
                            + (response.failed() ? "" : " without an access_token"),
                    null,
                    null);
        }
        return new OAuthTokens.Issued(token, lifetime(body.get("expires_in")));
    }

    /** {@code expires_in} in seconds, as a number or (some providers) a string; null when absent or unreadable. */
    private static Duration lifetime(Object expiresIn) {
        try {
            return expiresIn == null
                    ? null
                    : Duration.ofSeconds(new java.math.BigDecimal(String.valueOf(expiresIn)).longValue());
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

package io.trainflow.plugin.lti;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * LTI Dynamic Registration 1.0: reads the platform's OpenID configuration (with the registration token), checks it
 * (issuer a prefix of the configuration's URL, the endpoints Trainflow needs), posts Trainflow's client registration
 * with its LTI tool configuration, and gives back the platform as registered (client id and deployment id from the
 * platform's answer). Nothing is stored here: the caller stores the platform once all of it succeeded.
 */
class DynamicRegistration {

    static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    static final String NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BYTES = 256 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** What the platform said, and what Trainflow registered. */
    record Result(Platform platform, Map<String, Object> sent) {}

    Result register(String openidConfiguration, String registrationToken, String base) {
        URI configurationUri = url("openid_configuration", openidConfiguration);
        Map<String, Object> configuration = json(
                send(HttpRequest.newBuilder(configurationUri).GET(), registrationToken),
                "the OpenID configuration at " + openidConfiguration);
        String issuer = text(configuration, "issuer");
        if (!openidConfiguration.startsWith(issuer)) {
            throw new LaunchRefused(
                    "The platform's issuer " + issuer + " is not the start of its configuration's" + " address "
                            + openidConfiguration + ": Trainflow registers only with the platform that issues it.");
        }
        String registrationEndpoint = text(configuration, "registration_endpoint");
        Map<String, Object> sent = toolConfiguration(base, product(configuration));
        Map<String, Object> answer = json(
                send(
                        HttpRequest.newBuilder(url("registration_endpoint", registrationEndpoint))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(sent))),
                        registrationToken),
                "the platform's answer to the registration");
        Object tool = answer.get(TOOL_CONFIGURATION);
        Object deployment = tool instanceof Map<?, ?> map ? map.get("deployment_id") : null;
        if (deployment == null) {
            throw new LaunchRefused("The platform's answer to the registration names no deployment_id (in "
                    + TOOL_CONFIGURATION + ").");
        }
        Platform platform = new Platform(
                null,
                product(configuration) + " " + issuer,
                issuer,
                text(answer, "client_id"),
                text(configuration, "authorization_endpoint"),
                text(configuration, "token_endpoint"),
                text(configuration, "jwks_uri"),
                List.of(String.valueOf(deployment)));
        return new Result(platform, sent);
    }

    /** Trainflow's client registration: OIDC client metadata plus the LTI tool configuration. */
    static Map<String, Object> toolConfiguration(String base, String product) {
        Map<String, Object> lti = new LinkedHashMap<>();
        lti.put("domain", URI.create(base).getAuthority());
        lti.put(
                "description",
                "Ask for training, follow your requests and decide approvals without leaving " + product + ".");
        lti.put("target_link_uri", base + "/lti/launch");
        // Moodle shares the launcher's name and email only when the registration lists these claims
        lti.put("claims", List.of("iss", "sub", "name", "given_name", "family_name", "email"));
        lti.put(
                "messages",
                List.of(
                        Map.of("type", "LtiResourceLinkRequest", "target_link_uri", base + "/lti/launch"),
                        Map.of(
                                "type",
                                "LtiDeepLinkingRequest",
                                "target_link_uri",
                                base + "/lti/launch",
                                "label",
                                "Trainflow links")));
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("application_type", "web");
        client.put("response_types", List.of("id_token"));
        client.put("grant_types", List.of("implicit", "client_credentials"));
        client.put("initiate_login_uri", base + "/lti/login");
        client.put("redirect_uris", List.of(base + "/lti/launch"));
        client.put("client_name", "Trainflow");
        client.put("jwks_uri", base + "/lti/jwks");
        client.put("token_endpoint_auth_method", "private_key_jwt");
        client.put("scope", NRPS_SCOPE);
        client.put(TOOL_CONFIGURATION, lti);
        return client;
    }

    private static String product(Map<String, Object> configuration) {
        Object platform = configuration.get(PLATFORM_CONFIGURATION);
        Object family = platform instanceof Map<?, ?> map ? map.get("product_family_code") : null;
        return family == null ? "the platform" : String.valueOf(family);
    }

    private String send(HttpRequest.Builder request, String registrationToken) {
        if (registrationToken != null && !registrationToken.isBlank()) {
            request.header("Authorization", "Bearer " + registrationToken);
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .build();
        try {
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            if (response.body().length > MAX_BYTES) {
                throw new LaunchRefused(502, built.uri() + " answered more than " + MAX_BYTES + " bytes.");
            }
            if (response.statusCode() / 100 != 2) {
                throw new LaunchRefused(
                        502,
                        built.uri() + " answered HTTP " + response.statusCode()
                                // Moodle refuses a bad or expired registration token with an HTML error page and 404
                                + (response.statusCode() / 100 == 4 && registrationToken != null
                                        ? ": the registration token was probably refused (it is valid once, for an hour: start again"
                                                + " from Moodle's 'Manage tools' page)."
                                        : "."));
            }
            return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchRefused(502, built.uri() + " cannot be reached from Trainflow: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchRefused(503, "Trainflow is stopping: try again.");
        }
    }

    private static Map<String, Object> json(String body, String what) {
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
        } catch (JacksonException e) {
            throw new LaunchRefused(502, what + " is not a JSON object.");
        }
    }

    private static String text(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new LaunchRefused(502, "The platform did not give '" + field + "'.");
        }
        return s;
    }

    private static URI url(String name, String value) {
        return PlatformCalls.httpUri(value)
                .orElseThrow(() -> new LaunchRefused("'" + name + "' must be an http(s) URL."));
    }
}

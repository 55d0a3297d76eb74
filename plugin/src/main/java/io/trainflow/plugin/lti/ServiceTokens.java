package io.trainflow.plugin.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for a platform's services (LTI Advantage, IMS Security Framework 1.0 §4): the OAuth 2
 * {@code client_credentials} grant at the platform's token endpoint, Trainflow authenticated by a client assertion
 * (RFC 7523: a JWT with iss = sub = its client id, aud = the token endpoint, signed with the tool key that the platform
 * reads at {@code /lti/jwks}). Tokens are kept until a minute before they expire, per platform and scope.
 */
class ServiceTokens {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

    private record Held(String token, Instant until) {}

    private final ToolKeys keys;
    private final PlatformCalls calls;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    ServiceTokens(ToolKeys keys, PlatformCalls calls, Clock clock) {
        this.keys = keys;
        this.calls = calls;
        this.clock = clock;
    }

    String token(Platform platform, String scope) {
        String key = platform.id() + " " + scope;
        Held current = held.get(key);
        if (current != null && clock.instant().isBefore(current.until())) {
            return current.token();
        }
        Held fresh = request(platform, scope);
        held.put(key, fresh);
        return fresh.token();
    }

    /** Forgets the platform's tokens (a service refused one: it may have been revoked). */
    void forget(Platform platform) {
        held.keySet().removeIf(k -> k.startsWith(platform.id() + " "));
    }

    private Held request(Platform platform, String scope) {
        if (platform.tokenUrl() == null || platform.tokenUrl().isBlank()) {
            throw new PlatformCalls.ServiceFailed("Trainflow has no token endpoint (tokenUrl) for the platform "
                    + platform.issuer() + ": an admin registers it again with Moodle's 'Access token URL'.");
        }
        String form = "grant_type=client_credentials&client_assertion_type=" + enc(ASSERTION_TYPE)
                + "&client_assertion=" + enc(assertion(platform)) + "&scope=" + enc(scope);
        PlatformCalls.Reply reply =
                calls.send(HttpRequest.newBuilder(PlatformCalls.httpUrl("token endpoint", platform.tokenUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        String where =
                "The platform's token endpoint " + PlatformCalls.address(java.net.URI.create(platform.tokenUrl()));
        if (reply.status() / 100 != 2) {
            Object error = reply.status() / 100 == 4 ? errorOf(reply.body()) : null;
            throw new PlatformCalls.ServiceFailed(where + " refused Trainflow's client assertion (HTTP "
                    + reply.status() + (error == null ? "" : ", " + error) + ")" + hint(error));
        }
        Map<String, Object> answer = PlatformCalls.object(reply.body(), where + "'s answer");
        if (!(answer.get("access_token") instanceof String token) || token.isBlank()) {
            throw new PlatformCalls.ServiceFailed(where + " gave no access_token.");
        }
        long seconds = answer.get("expires_in") instanceof Number n ? n.longValue() : 300;
        return new Held(token, clock.instant().plusSeconds(Math.max(0, seconds - 60)));
    }

    private String assertion(Platform platform) {
        Instant now = clock.instant();
        return keys.sign(new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .subject(platform.clientId())
                .audience(platform.tokenUrl())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    private static Object errorOf(String body) {
        try {
            return PlatformCalls.object(body, "error").get("error");
        } catch (PlatformCalls.ServiceFailed e) {
            return null;
        }
    }

    private static String hint(Object error) {
        if ("invalid_client".equals(error)) {
            return ": the platform does not accept Trainflow's key or client id. In Moodle the tool's public key type"
                    + " must be 'Keyset URL' with Trainflow's /lti/jwks, reachable from Moodle.";
        }
        if ("invalid_scope".equals(error)) {
            return ": the tool is not allowed the Names and Roles service. In Moodle tick 'IMS LTI Names and Role"
                    + " Provisioning: Use this service' in the tool's settings.";
        }
        return ".";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

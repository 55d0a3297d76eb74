package io.trainflow.workflows.connector.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Client-credentials tokens kept per token request (endpoint, credentials, scopes, audience) and reused until
 * {@link #EARLY} before they expire, so a busy process does not ask the identity provider once per call. A token
 * whose answer names no {@code expires_in} is not kept; one the API refuses (HTTP 401) is dropped at once, so the
 * next attempt asks for a new one. Expiry is the provider's, so the clock is real time, not the engine's clock.
 */
final class OAuthTokens {

    /** How long before its expiry a token is no longer handed out (it must still be valid when it arrives). */
    static final Duration EARLY = Duration.ofSeconds(30);

    private final Supplier<Instant> clock;
    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();

    OAuthTokens(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** A valid token for the request: the kept one, or a new one from {@code fetch}. */
    String token(RestRequest request, Function<RestRequest, Issued> fetch) {
        Slot slot = slots.computeIfAbsent(Key.of(request), k -> new Slot());
        synchronized (slot) { // one fetch per credentials at a time; others wait for its token
            Instant now = clock.get();
            if (slot.token != null && now.isBefore(slot.reuseUntil)) {
                return slot.token;
            }
            Issued issued = fetch.apply(request);
            boolean keep = issued.expiresIn() != null && issued.expiresIn().compareTo(EARLY) > 0;
            slot.token = keep ? issued.accessToken() : null;
            slot.reuseUntil = keep ? now.plus(issued.expiresIn()).minus(EARLY) : Instant.MIN;
            return issued.accessToken();
        }
    }

    /** The API refused this token: never hand it out again. */
    void forget(String token) {
        slots.values().forEach(slot -> {
            synchronized (slot) {
                if (token.equals(slot.token)) {
                    slot.token = null;
                }
            }
        });
    }

    /** A token endpoint's answer: the access token and, when given, how long it lives. */
    record Issued(String accessToken, Duration expiresIn) {}

    private static final class Slot {
        private String token;
        private Instant reuseUntil = Instant.MIN;
    }

    /** What makes two token requests ask for the same token. */
    private record Key(String url, String query, Map<String, String> headers, String form) {
        static Key of(RestRequest request) {
            return new Key(
                    request.url(),
                    request.query(),
                    Map.copyOf(request.headers()),
                    request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8));
        }
    }
}

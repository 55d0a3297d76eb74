package io.trainflow.connectors.orangehrm.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.trainflow.connectors.orangehrm.OrangeHrmConfig;
import io.trainflow.connectors.orangehrm.api.OrangeHrmJson;
import io.trainflow.connectors.orangehrm.error.OrangeHrmAuthException;
import io.trainflow.connectors.orangehrm.model.OAuthError;
import io.trainflow.connectors.orangehrm.model.TokenResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;

/**
 * OAuth2 authorization code, the grant OrangeHRM supports for API clients (client_credentials is
 * refused: fixture 57). Once, an administrator opens {@link #startConsent() the consent URL},
 * approves, and hands the redirect back to {@link #completeConsent}; from then on Trainflow
 * refreshes on its own. OrangeHRM rotates the refresh token on every refresh (fixture 56), so
 * each new pair is saved in the {@link TokenStore} before it is used, and refreshes are serialised.
 */
public final class OAuthAuthorization implements OrangeHrmAuth {

    /** Refresh this long before the 30-minute access token runs out, not after a failed call. */
    private static final long EXPIRY_MARGIN_SECONDS = 60;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a printed consent URL stays good. */
    private static final long CONSENT_VALID_MINUTES = 60;

    private final OrangeHrmConfig config;
    private final TokenStore store;
    private final AuthHttp http;
    private final Clock clock;
    private OAuthTokens tokens;

    public OAuthAuthorization(OrangeHrmConfig config, TokenStore store, AuthHttp http, Clock clock) {
        this.config = config;
        this.store = store;
        this.http = http;
        this.clock = clock;
    }

    /** What the tokens are stored under: one grant per OrangeHRM and client. */
    public String connectionKey() {
        return "orangehrm " + config.baseUrl() + " client " + config.clientId();
    }

    /**
     * A consent URL with a fresh state: random, stamped with the time and signed with the client
     * secret, so {@link #completeConsent(String)} can check it in another process (the CLI) without
     * storing it. Print the URL for the administrator.
     */
    public Consent startConsent() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "."
                + clock.instant().getEpochSecond();
        String state = unsigned + "." + signature(unsigned);
        return new Consent(consentUrl(state), state);
    }

    /**
     * Completes a consent started by {@link #startConsent()} here or in another process: the
     * redirect's state must carry this client's signature and be at most {@value #CONSENT_VALID_MINUTES}
     * minutes old, so a redirect forged by someone without the client secret, or an old one, is refused.
     */
    public void completeConsent(String redirect) {
        String state = redirect.contains("?")
                ? query(redirect.substring(redirect.indexOf('?') + 1)).get("state")
                : null;
        String[] parts = state == null ? new String[0] : state.split("\\.");
        if (parts.length != 3
                || !MessageDigest.isEqual(
                        signature(parts[0] + "." + parts[1]).getBytes(UTF_8), parts[2].getBytes(UTF_8))) {
            throw new OrangeHrmAuthException.ConsentRequired("the redirect's state was not issued by Trainflow for "
                    + "this client (paste the whole URL the browser landed on, or start the consent again)");
        }
        long issued;
        try {
            issued = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw new OrangeHrmAuthException.ConsentRequired(
                    "the redirect's state is malformed; start the consent again");
        }
        if (clock.instant().getEpochSecond() - issued > CONSENT_VALID_MINUTES * 60) {
            throw new OrangeHrmAuthException.ConsentRequired(
                    "the consent was started more than " + CONSENT_VALID_MINUTES + " minutes ago; start it again");
        }
        completeConsent(redirect, state);
    }

    private String signature(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.clientSecret().reveal().getBytes(UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(("trainflow-consent " + connectionKey() + " " + text).getBytes(UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sig, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public record Consent(URI url, String state) {}

    public URI consentUrl(String state) {
        return URI.create(config.baseUrl() + "/oauth2/authorize?response_type=code&client_id=" + enc(config.clientId())
                + "&redirect_uri=" + enc(config.redirectUri()) + "&state=" + enc(state));
    }

    /**
     * Exchanges the code for tokens and stores them.
     *
     * @param redirectOrCode the URL the browser was redirected to (…/callback?code=…&state=…), or the bare code
     * @param expectedState  the state of {@link #startConsent()}; a redirect with another state is refused
     */
    public synchronized void completeConsent(String redirectOrCode, String expectedState) {
        String code = redirectOrCode;
        if (redirectOrCode.contains("?")) {
            Map<String, String> query = query(redirectOrCode.substring(redirectOrCode.indexOf('?') + 1));
            if (query.containsKey("error")) {
                throw new OrangeHrmAuthException.ConsentRequired(
                        "the administrator did not consent: " + query.get("error"));
            }
            if (!Objects.equals(query.get("state"), expectedState)) {
                throw new OrangeHrmAuthException.ConsentRequired("the redirect's state does not match the consent "
                        + "URL that was printed; start the consent again");
            }
            code = query.get("code");
        }
        if (code == null || code.isBlank()) {
            throw new OrangeHrmAuthException.ConsentRequired("the redirect has no code parameter");
        }
        Map<String, String> form = client("authorization_code");
        form.put("redirect_uri", config.redirectUri());
        form.put("code", code);
        save(grant(form, "authorization code"));
    }

    @Override
    public synchronized Map<String, String> headers() {
        OAuthTokens current = current();
        if (current.expiresWithin(clock.instant(), EXPIRY_MARGIN_SECONDS)) {
            current = refresh(current);
        }
        return Map.of("Authorization", "Bearer " + current.accessToken());
    }

    @Override
    public synchronized void renew(Map<String, String> rejectedHeaders) {
        // another instance sharing the database may have rotated the pair since we read it
        tokens = store.load(connectionKey()).orElse(tokens);
        OAuthTokens current = current();
        if (Objects.equals(rejectedHeaders.get("Authorization"), "Bearer " + current.accessToken())) {
            refresh(current);
        }
    }

    /** True once consent was given (tokens stored); for the connection check. */
    public synchronized boolean hasTokens() {
        return tokens != null || store.load(connectionKey()).isPresent();
    }

    private OAuthTokens current() {
        if (tokens == null) {
            tokens = store.load(connectionKey())
                    .orElseThrow(() -> new OrangeHrmAuthException.ConsentRequired("no OrangeHRM tokens yet for "
                            + connectionKey() + ": an administrator must open the consent URL "
                            + "(trainflow hcm-consent) and approve Trainflow"));
        }
        return tokens;
    }

    /**
     * Whether OrangeHRM accepts the client id and secret, without spending a token: a refresh grant with a refresh
     * token that cannot be valid. OrangeHRM's OAuth server checks the client before the token, so a wrong secret
     * is answered {@code invalid_client} (thrown as {@link OrangeHrmAuthException.CredentialsRejected}) and a right
     * one with a refusal of the token. A stored access token that still works says nothing about the secret, which
     * the next refresh needs: without this a wrong secret surfaces only when the access token expires.
     */
    public void verifyClient() {
        Map<String, String> form = client("refresh_token");
        form.put("refresh_token", "trainflow-connection-check");
        try {
            grant(form, "client check");
        } catch (OrangeHrmAuthException.CredentialsRejected wrongClient) {
            throw wrongClient;
        } catch (OrangeHrmAuthException tokenRefused) {
            // the client passed; only the made-up refresh token was refused
        }
    }

    private OAuthTokens refresh(OAuthTokens old) {
        Map<String, String> form = client("refresh_token");
        form.put("refresh_token", old.refreshToken());
        OAuthTokens renewed = grant(form, "refresh token");
        // rotation: the old refresh token is spent; keep it only if the server did not send a new one
        return save(
                renewed.refreshToken() == null
                        ? new OAuthTokens(renewed.accessToken(), old.refreshToken(), renewed.expiresAt())
                        : renewed);
    }

    private OAuthTokens grant(Map<String, String> form, String what) {
        AuthHttp.Answer answer = http.send("POST", "/oauth2/token", null, form);
        if (answer.status() == 200) {
            TokenResponse t = read(answer.body(), TokenResponse.class);
            if (t == null || t.getAccessToken() == null) {
                throw new IllegalStateException(
                        "OrangeHRM token endpoint answered 200 without access_token to the " + what);
            }
            long expiresIn = t.getExpiresIn() == null ? 1800 : t.getExpiresIn();
            return new OAuthTokens(
                    t.getAccessToken(), t.getRefreshToken(), clock.instant().plusSeconds(expiresIn));
        }
        OAuthError error = read(answer.body(), OAuthError.class);
        String code = error == null ? "HTTP " + answer.status() : error.getError();
        String detail = "OrangeHRM refused the " + what + " (HTTP " + answer.status() + ", " + code
                + (error == null || error.getHint() == null ? "" : ": " + error.getHint()) + ")";
        if ("invalid_client".equals(code)
                || "unsupported_grant_type".equals(code)
                || "unauthorized_client".equals(code)) {
            throw new OrangeHrmAuthException.CredentialsRejected(detail + "; check the client id and "
                    + config.clientSecret().source());
        }
        throw new OrangeHrmAuthException.ConsentRequired(detail + "; an administrator must consent again");
    }

    private OAuthTokens save(OAuthTokens t) {
        store.save(connectionKey(), t);
        tokens = t;
        return t;
    }

    private Map<String, String> client(String grantType) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grantType);
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret().reveal());
        return form;
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return body == null || body.isBlank() ? null : OrangeHrmJson.MAPPER.readValue(body, type);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Map<String, String> query(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), UTF_8));
            }
        }
        return params;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, UTF_8);
    }
}

package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.plugin.security.KeycloakServer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trainflow over HTTPS signing people in through a real Keycloak with the sample's people: API clients
 * with its JWT access tokens, browsers by the authorization-code flow with PKCE; nothing else gets in,
 * and a refusal says nothing about why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInTest {

    private static final String DATABASE = "jdbc:h2:mem:oidc-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private static final HttpClient HTTPS = HttpClient.newBuilder()
            .sslContext(TestTls.trustingIt())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trainflow(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("trainflow.bpmn-dir", () -> RunningTrainflow.bpmnFolder().toString());
        registry.add("trainflow.progress-sync", () -> "PT12H");
        registry.add("trainflow.hcm-sync", () -> "PT12H");
        registry.add(
                "trainflow.sign-in.oidc.issuer-uri", () -> KeycloakServer.get().issuer());
        registry.add("trainflow.sign-in.oidc.client-id", () -> "trainflow");
        registry.add("trainflow.sign-in.oidc.client-secret", () -> KeycloakServer.CLIENT_SECRET);
        registry.add("trainflow.sign-in.oidc.clock-skew", () -> "PT0S");
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> TestTls.keystore().toString());
        registry.add("server.ssl.key-store-password", () -> TestTls.PASSWORD);
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
    }

    private String base() {
        return "https://localhost:" + port;
    }

    private Api bearer(String token) {
        return new Api(base(), "Bearer " + token, HTTPS);
    }

    @Test
    void aTokenReachesTheApiAsItsPersonWithTheRolesOfItsClaims() {
        Api.Response zoe = bearer(KeycloakServer.get().token("zoe.vincent")).get("/api/me");
        assertThat(zoe.status()).as(zoe.toString()).isEqualTo(200);
        assertThat(zoe.object())
                .containsEntry("username", "zoe.vincent")
                .containsEntry("signedInWith", "jwt")
                .containsEntry("roles", java.util.List.of("USER"));

        Api adam = bearer(KeycloakServer.get().token("adam.david"));
        assertThat(adam.get("/api/me").object().get("roles")).isEqualTo(java.util.List.of("ADMIN", "USER"));
        assertThat(adam.get("/api/incidents").status()).isEqualTo(200);
        assertThat(bearer(KeycloakServer.get().token("zoe.vincent"))
                        .get("/api/incidents")
                        .status())
                .isEqualTo(403);
        assertThat(bearer(KeycloakServer.get().token("zoe.vincent"))
                        .get("/api/tasks")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void noTokenIsAskedForOne() {
        Api.Response none = new Api(base(), null, HTTPS).get("/api/tasks");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).contains("Bearer");
        assertThat(none.object()).containsEntry("status", 401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = KeycloakServer.get().token(KeycloakServer.get().issuer(), "trainflow-short", "zoe.vincent");
        Instant expires = Instant.ofEpochSecond(((Number) claims(token).get("exp")).longValue());
        awaitClockPast(expires.plusSeconds(1));

        assertRefusedWithoutDetails(bearer(token).get("/api/tasks"));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String token = KeycloakServer.get().token(KeycloakServer.get().otherIssuer(), "trainflow", "zoe.vincent");
        assertThat(claims(token).get("iss")).isEqualTo(KeycloakServer.get().otherIssuer());

        assertRefusedWithoutDetails(bearer(token).get("/api/tasks"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = KeycloakServer.get().token(KeycloakServer.get().issuer(), "other-app", "zoe.vincent");
        assertThat(String.valueOf(claims(token).get("aud"))).doesNotContain("trainflow");

        assertRefusedWithoutDetails(bearer(token).get("/api/tasks"));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = KeycloakServer.get().token("zoe.vincent").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("zoe.vincent", "adam.david");
        String otherPerson = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        char last = parts[2].charAt(parts[2].length() / 2);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() / 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].substring(parts[2].length() / 2 + 1);

        assertRefusedWithoutDetails(bearer(otherPerson).get("/api/me"));
        assertRefusedWithoutDetails(bearer(badSignature).get("/api/me"));
        assertRefusedWithoutDetails(bearer("not-a-token").get("/api/me"));
    }

    @Test
    void aBrowserSignsInAtTheProviderWithPkceAndSignsOutThere() {
        Browser browser = new Browser(TestTls.trustingIt());
        String signInPage = Browser.location(browser.page(base() + "/inbox"));
        assertThat(signInPage).endsWith("/oauth2/authorization/oidc");
        String toProvider = Browser.location(browser.page(absolute(signInPage)));
        assertThat(toProvider)
                .startsWith(KeycloakServer.get().issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge=")
                .contains("code_challenge_method=S256")
                .contains("client_id=trainflow");

        HttpResponse<String> loginForm = browser.page(toProvider);
        assertThat(loginForm.statusCode()).as(loginForm.body()).isEqualTo(200);
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(loginForm.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        HttpResponse<String> signedIn = browser.postForm(
                action.group(1).replace("&amp;", "&"),
                Map.of("username", "zoe.vincent", "password", KeycloakServer.PASSWORD),
                Map.of());
        String back = Browser.location(signedIn);
        assertThat(back).startsWith(base() + "/login/oauth2/code/oidc?").contains("code=");

        HttpResponse<String> session = browser.page(back);
        assertThat(session.statusCode()).as(session.body()).isEqualTo(302);
        assertThat(session.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("Secure")
                        .contains("HttpOnly"));
        HttpResponse<String> me = browser.api(base() + "/api/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"zoe.vincent\"").contains("\"signedInWith\":\"oidc\"");

        // a session's writes need the CSRF token: a page of another site cannot sign this person out
        HttpResponse<String> forged = browser.postForm(base() + "/logout", Map.of(), Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.api(base() + "/api/me").statusCode()).isEqualTo(200);

        String csrf = browser.cookie("XSRF-TOKEN").orElseThrow();
        HttpResponse<String> signOut = browser.postForm(base() + "/logout", Map.of(), Map.of("X-XSRF-TOKEN", csrf));
        assertThat(Browser.location(signOut))
                .startsWith(KeycloakServer.get().issuer() + "/protocol/openid-connect/logout")
                .contains("id_token_hint=")
                .contains("post_logout_redirect_uri=");
        assertThat(browser.api(base() + "/api/me").statusCode()).isEqualTo(401);
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : base() + location;
    }

    private static void assertRefusedWithoutDetails(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.object()).containsEntry("status", 401);
        assertThat(response.body() + response.header("WWW-Authenticate").orElse(""))
                .doesNotContainIgnoringCase("expired")
                .doesNotContainIgnoringCase("issuer")
                .doesNotContainIgnoringCase("audience")
                .doesNotContainIgnoringCase("signature")
                .doesNotContainIgnoringCase("jwt")
                .doesNotContain("Exception");
    }

    private static Map<String, Object> claims(String token) {
        return JSON.readValue(
                Base64.getUrlDecoder().decode(token.split("\\.")[1]), new TypeReference<Map<String, Object>>() {});
    }

    /** Waits (at most 30 s) until the clock has passed an instant: what an expired token needs. */
    private static void awaitClockPast(Instant instant) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Instant.now().isAfter(instant)) {
            assertThat(Instant.now()).as("clock past " + instant).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

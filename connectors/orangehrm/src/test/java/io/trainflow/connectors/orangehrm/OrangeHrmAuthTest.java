package io.trainflow.connectors.orangehrm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.trainflow.connectors.orangehrm.auth.JdbcTokenStore;
import io.trainflow.connectors.orangehrm.auth.OAuthAuthorization;
import io.trainflow.connectors.orangehrm.auth.OAuthTokens;
import io.trainflow.connectors.orangehrm.error.OrangeHrmAuthException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OAuth2 authorization code with rotated refresh tokens kept in the database (fixtures 52-58). */
class OrangeHrmAuthTest extends OrangeHrmWireMockBase {

    static final String CODE = recorded("53-oauth-token-authorization-code")
            .at("/request/body/code")
            .asString();
    static final String ACCESS_53 = recorded("53-oauth-token-authorization-code")
            .at("/response/body/access_token")
            .asString();
    static final String REFRESH_53 = recorded("53-oauth-token-authorization-code")
            .at("/response/body/refresh_token")
            .asString();
    static final String ACCESS_56 =
            recorded("56-oauth-token-refresh").at("/response/body/access_token").asString();
    static final String REFRESH_56 = recorded("56-oauth-token-refresh")
            .at("/response/body/refresh_token")
            .asString();

    static MappingBuilder token(String grant) {
        return post(urlPathEqualTo(ROOT + "/oauth2/token"))
                .withFormParam("grant_type", equalTo(grant))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET));
    }

    static MappingBuilder employeesWith(String accessToken) {
        return get(urlPathEqualTo(API + "/pim/employees"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken));
    }

    OAuthTokens stored() {
        return new JdbcTokenStore(database(), Clock.systemUTC())
                .load(connector.oauth().orElseThrow().connectionKey())
                .orElseThrow();
    }

    @Test
    void consentUrlThenCodeExchangeStoresTheTokens() {
        OAuthAuthorization oauth = connector.oauth().orElseThrow();
        OAuthAuthorization.Consent consent = oauth.startConsent();
        assertThat(consent.url().toString())
                .startsWith(baseUrl() + "/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID
                        + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcallback&state=" + consent.state());
        wm.stubFor(token("authorization_code")
                .withFormParam("code", equalTo(CODE))
                .withFormParam("redirect_uri", equalTo(REDIRECT))
                .willReturn(answer("53-oauth-token-authorization-code")));
        wm.stubFor(employeesWith(ACCESS_53).willReturn(answer("54-oauth-bearer-list-employees")));

        String redirect = recorded("52-oauth-authorize")
                .at("/response/headers/Location")
                .asString()
                .replace("state=st123", "state=" + consent.state());
        oauth.completeConsent(redirect, consent.state());

        assertThat(stored().refreshToken()).isEqualTo(REFRESH_53);
        assertThat(connector.check().findings()).allMatch(f -> !f.check().equals("read employees") || f.ok());
    }

    @Test
    void aRedirectWithAnotherStateIsRefused() {
        String redirect =
                recorded("52-oauth-authorize").at("/response/headers/Location").asString();
        assertThatThrownBy(() -> connector.oauth().orElseThrow().completeConsent(redirect, "another"))
                .isInstanceOf(OrangeHrmAuthException.ConsentRequired.class)
                .hasMessageContaining("state");
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    /** Fixture 56: the refresh returns a new refresh token; the next instance on the same database uses it. */
    @Test
    void refreshRotatesTheRefreshTokenAndTheNewOneSurvivesARestart() {
        connector.close();
        seedTokens(new OAuthTokens(ACCESS_53, REFRESH_53, Instant.now().minusSeconds(5))); // expired
        wm.stubFor(token("refresh_token")
                .withFormParam("refresh_token", equalTo(REFRESH_53))
                .willReturn(answer("56-oauth-token-refresh")));
        wm.stubFor(employeesWith(ACCESS_56).willReturn(answer("54-oauth-bearer-list-employees")));
        connector = start(config(baseUrl()));

        assertThat(connector.check().findings().get(0).ok()).isTrue();
        assertThat(stored().refreshToken()).isEqualTo(REFRESH_56);
        assertThat(stored().accessToken()).isEqualTo(ACCESS_56);

        connector.close(); // restart: a new connector, a new DataSource over the same H2 file
        seedTokens(new OAuthTokens(
                ACCESS_56, stored().refreshToken(), Instant.now().minusSeconds(5)));
        wm.stubFor(
                token("refresh_token")
                        .withFormParam("refresh_token", equalTo(REFRESH_56))
                        .willReturn(
                                okJson(
                                        "{\"token_type\":\"Bearer\",\"expires_in\":1800,\"access_token\":\"A3\",\"refresh_token\":\"R3\"}")));
        wm.stubFor(employeesWith("A3").willReturn(answer("54-oauth-bearer-list-employees")));
        connector = start(config(baseUrl()));
        assertThat(connector.check().findings().get(0).ok()).isTrue();
        assertThat(stored().refreshToken()).isEqualTo("R3");
        wm.verify(1, postRequestedFor(urlPathEqualTo(ROOT + "/oauth2/token")).withRequestBody(containing(REFRESH_56)));
    }

    /** Fixture 58: a rejected bearer token triggers one refresh and one retry. */
    @Test
    void aRejectedAccessTokenIsRefreshedOnceAndTheCallRetried() {
        connector.close();
        seedTokens(new OAuthTokens("not-a-token", REFRESH_53, Instant.now().plusSeconds(1800)));
        wm.stubFor(employeesWith("not-a-token").willReturn(answer("58-oauth-bearer-invalid-token")));
        wm.stubFor(token("refresh_token")
                .withFormParam("refresh_token", equalTo(REFRESH_53))
                .willReturn(answer("56-oauth-token-refresh")));
        wm.stubFor(employeesWith(ACCESS_56).willReturn(answer("54-oauth-bearer-list-employees")));
        connector = start(config(baseUrl()));

        var found = connector.check().findings();
        assertThat(found.get(0).ok()).as(found.toString()).isTrue();
        wm.verify(1, postRequestedFor(urlPathEqualTo(ROOT + "/oauth2/token")).withRequestBody(containing(REFRESH_53)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(API + "/pim/employees")));
    }

    /**
     * Issue 10: a wrong client secret went unnoticed while the stored access token worked. The check asks the token
     * endpoint with a made-up refresh token: OrangeHRM's OAuth server (league/oauth2-server) checks the client first
     * and answers invalid_client (constructed answer in its words), or refuses only the token when the client is right.
     */
    @Test
    void aWrongClientSecretIsFoundWhileTheAccessTokenStillWorks() {
        checkWithTokenValidAndClientCheckAnswered("{\"error\":\"invalid_client\",\"error_description\":"
                + "\"Client authentication failed\",\"message\":\"Client authentication failed\"}");

        assertThat(connector.check().findings())
                .filteredOn(f -> f.check().equals("client secret"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind().name()).isEqualTo("BAD_CREDENTIALS");
                    assertThat(f.detail()).contains("invalid_client", "check the client id and", "CLIENT_SECRET");
                });
        assertThat(stored().refreshToken()).as("no token spent").isEqualTo(REFRESH_53);
    }

    @Test
    void aRightClientSecretPassesTheCheck() {
        checkWithTokenValidAndClientCheckAnswered("{\"error\":\"invalid_request\",\"error_description\":"
                + "\"The refresh token is invalid.\",\"hint\":\"Cannot decrypt the refresh token\"}");

        assertThat(connector.check().findings())
                .filteredOn(f -> f.check().equals("client secret"))
                .singleElement()
                .satisfies(f -> assertThat(f.ok()).isTrue());
    }

    /** A stored access token valid for 30 minutes; the token endpoint answers the client check with this body. */
    private void checkWithTokenValidAndClientCheckAnswered(String body) {
        connector.close();
        seedTokens(new OAuthTokens(ACCESS_53, REFRESH_53, Instant.now().plusSeconds(1800)));
        wm.stubFor(employeesWith(ACCESS_53).willReturn(answer("54-oauth-bearer-list-employees")));
        wm.stubFor(token("refresh_token")
                .withFormParam("refresh_token", equalTo("trainflow-connection-check"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
        connector = start(config(baseUrl()));
    }

    @Test
    void aTokenRejectedAgainAfterTheRefreshIsATypedErrorNotALoop() {
        connector.close();
        seedTokens(new OAuthTokens("not-a-token", REFRESH_53, Instant.now().plusSeconds(1800)));
        wm.stubFor(get(urlPathEqualTo(API + "/admin/skills")).willReturn(answer("58-oauth-bearer-invalid-token")));
        wm.stubFor(token("refresh_token").willReturn(answer("56-oauth-token-refresh")));
        connector = start(config(baseUrl()));

        assertThatThrownBy(() -> connector.hcm().skills())
                .isInstanceOf(OrangeHrmAuthException.InvalidToken.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("GET /api/v2/admin/skills")
                .hasMessageContaining("Bearer");
        wm.verify(1, postRequestedFor(urlPathEqualTo(ROOT + "/oauth2/token")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(API + "/admin/skills")));
    }

    @Test
    void aRefusedRefreshTokenAsksForConsentAgain() {
        connector.close();
        seedTokens(new OAuthTokens(ACCESS_53, REFRESH_53, Instant.now().minusSeconds(5)));
        wm.stubFor(token("refresh_token")
                .willReturn(
                        aResponse().withStatus(400).withBody(text("/orangehrm/written/refresh-invalid-grant.json"))));
        connector = start(config(baseUrl()));
        assertThatThrownBy(() -> connector.hcm().skills())
                .isInstanceOf(OrangeHrmAuthException.ConsentRequired.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("consent again");
        assertThat(connector.check().findings())
                .singleElement()
                .satisfies(f -> assertThat(f.kind().name()).isEqualTo("CONSENT_REQUIRED"));
    }

    /** Fixture 57: OrangeHRM refuses client_credentials, so Trainflow does not offer it. */
    @Test
    void clientCredentialsIsNotOffered() {
        assertThatThrownBy(() -> OrangeHrmConfig.AuthMode.parse("client_credentials"))
                .hasMessageContaining("unsupported_grant_type")
                .hasMessageContaining("authorization_code");
        connector.close();
        seedTokens(new OAuthTokens(ACCESS_53, REFRESH_53, Instant.now().minusSeconds(5)));
        wm.stubFor(token("refresh_token").willReturn(answer("57-oauth-token-client-credentials-rejected")));
        connector = start(config(baseUrl()));
        assertThatThrownBy(() -> connector.hcm().skills())
                .isInstanceOf(OrangeHrmAuthException.CredentialsRejected.class)
                .hasMessageContaining("unsupported_grant_type")
                .hasMessageContaining("CLIENT_SECRET");
    }

    @Test
    void withoutConsentNothingIsCalledAndTheCheckSaysWhatToDo() {
        connector.close();
        new JdbcTokenStore(database(), Clock.systemUTC()).delete("orangehrm " + baseUrl() + " client " + CLIENT_ID);
        connector = start(config(baseUrl()));
        assertThatThrownBy(() -> connector.hcm().skills())
                .isInstanceOf(OrangeHrmAuthException.ConsentRequired.class)
                .hasMessageContaining("consent URL");
        assertThat(connector.check().findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("consent");
            assertThat(f.kind().name()).isEqualTo("CONSENT_REQUIRED");
            assertThat(f.detail()).contains("/oauth2/authorize?response_type=code");
        });
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    /** Fixture 00 and 46: a service account logs in through the form; an expired session logs in again. */
    @Test
    void serviceAccountSessionLogsInAndAgainWhenTheSessionExpires() {
        wm.stubFor(get(urlPathEqualTo(ROOT + "/auth/login"))
                .willReturn(ok(text("/orangehrm/written/login-page.html"))
                        .withHeader("Set-Cookie", "_orangehrm=pre-login; path=/web; HttpOnly; SameSite=Lax")));
        wm.stubFor(post(urlPathEqualTo(ROOT + "/auth/validate"))
                .withHeader("Cookie", equalTo("_orangehrm=pre-login"))
                .withFormParam("_token", equalTo("431b7d0193e840f8b497b.FGVRplaceholder"))
                .withFormParam("username", equalTo("trainflow-svc"))
                .withFormParam("password", equalTo("s3cret-Pass!"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.1/web/index.php/dashboard/index")
                        .withHeader("Set-Cookie", "_orangehrm=after-login; path=/web; HttpOnly; SameSite=Lax")));
        wm.stubFor(get(urlPathEqualTo(API + "/admin/skills"))
                .withHeader("Cookie", equalTo("_orangehrm=after-login"))
                .inScenario("session")
                .whenScenarioStateIs("Started")
                .willReturn(answer("08-list-skills"))
                .willSetStateTo("expired"));
        wm.stubFor(get(urlPathEqualTo(API + "/admin/skills"))
                .inScenario("session")
                .whenScenarioStateIs("expired")
                .willReturn(answer("46-unauthenticated-request"))
                .willSetStateTo("relogged"));
        wm.stubFor(get(urlPathEqualTo(API + "/admin/skills"))
                .withHeader("Cookie", equalTo("_orangehrm=after-login"))
                .inScenario("session")
                .whenScenarioStateIs("relogged")
                .willReturn(answer("08-list-skills")));

        try (OrangeHrmConnector session = OrangeHrmConnector.start(
                OrangeHrmConfig.session(baseUrl(), "trainflow-svc", secret("PW", "s3cret-Pass!"), fast()),
                null,
                Clock.systemUTC())) {
            assertThat(session.hcm().skills()).hasSize(3);
            assertThat(session.hcm().skills()).hasSize(3); // 401 Session expired -> log in again -> retried
            wm.verify(2, postRequestedFor(urlPathEqualTo(ROOT + "/auth/validate")));
            wm.verify(3, getRequestedFor(urlPathEqualTo(API + "/admin/skills")));
        }
    }

    @Test
    void aRefusedPasswordIsNamedWithoutTheSecret() {
        wm.stubFor(get(urlPathEqualTo(ROOT + "/auth/login"))
                .willReturn(ok(text("/orangehrm/written/login-page.html"))
                        .withHeader("Set-Cookie", "_orangehrm=pre-login; path=/web")));
        wm.stubFor(post(urlPathEqualTo(ROOT + "/auth/validate"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.1/web/index.php/auth/login")));
        try (OrangeHrmConnector session = OrangeHrmConnector.start(
                OrangeHrmConfig.session(
                        baseUrl(), "trainflow-svc", secret("TRAINFLOW_ORANGEHRM_PASSWORD", "wrong-Pass!"), fast()),
                null,
                Clock.systemUTC())) {
            assertThatThrownBy(() -> session.hcm().skills())
                    .isInstanceOf(OrangeHrmAuthException.CredentialsRejected.class)
                    .hasMessageContaining("TRAINFLOW_ORANGEHRM_PASSWORD")
                    .hasMessageNotContaining("wrong-Pass!");
        }
    }

    @Test
    void configPrintsWhereSecretsComeFromNeverTheirValue() throws Exception {
        OrangeHrmConfig fromEnv = OrangeHrmConfig.fromEnvironment(Map.of(
                "TRAINFLOW_ORANGEHRM_BASE_URL",
                baseUrl() + "/",
                "TRAINFLOW_ORANGEHRM_CLIENT_ID",
                CLIENT_ID,
                "TRAINFLOW_ORANGEHRM_CLIENT_SECRET_FILE",
                write("secret", CLIENT_SECRET + "\n").toString(),
                "TRAINFLOW_ORANGEHRM_REDIRECT_URI",
                REDIRECT,
                "TRAINFLOW_ORANGEHRM_TIMEOUT_MS",
                "2000"));
        assertThat(fromEnv.clientSecret().reveal()).isEqualTo(CLIENT_SECRET);
        assertThat(fromEnv.baseUrl()).isEqualTo(baseUrl());
        assertThat(fromEnv.resilience().timeout().toMillis()).isEqualTo(2000);
        assertThat(fromEnv.toString()).doesNotContain(CLIENT_SECRET).contains("***");
        assertThat(new OAuthTokens("A", "R", null).toString())
                .doesNotContain("A,")
                .doesNotContain("R,");
        assertThatThrownBy(() -> OrangeHrmConfig.fromEnvironment(
                        Map.of("TRAINFLOW_ORANGEHRM_BASE_URL", baseUrl(), "TRAINFLOW_ORANGEHRM_CLIENT_ID", CLIENT_ID)))
                .hasMessageContaining("TRAINFLOW_ORANGEHRM_CLIENT_SECRET");
        assertThatThrownBy(() -> OrangeHrmConfig.fromEnvironment(Map.of(
                        "TRAINFLOW_ORANGEHRM_BASE_URL",
                        "hr.example.com",
                        "TRAINFLOW_ORANGEHRM_AUTH",
                        "session",
                        "TRAINFLOW_ORANGEHRM_USERNAME",
                        "svc",
                        "TRAINFLOW_ORANGEHRM_PASSWORD",
                        "pw")))
                .hasMessageContaining("absolute http(s) URL");
    }
}

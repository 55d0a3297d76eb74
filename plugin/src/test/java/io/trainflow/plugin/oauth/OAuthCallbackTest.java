package io.trainflow.plugin.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.trainflow.connectors.orangehrm.fixtures.OrangeHrmFixtures.answer;
import static io.trainflow.connectors.orangehrm.fixtures.OrangeHrmFixtures.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.trainflow.plugin.connect.Connections;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 10: the redirect URI was a placeholder the server answered with 401. Now the administrator's browser lands on
 * Trainflow's /oauth/callback after allowing it in OrangeHRM (WireMock replaying fixtures 52-53), without signing in,
 * and the consent completes there; a state Trainflow did not sign is refused on the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OAuthCallbackTest {

    private static final String ROOT = "/web/index.php";
    private static final String CLIENT_ID = "34c324cda7d268ed6f0aeeabb1ff2c3d";
    private static final String CLIENT_SECRET = "93PJIgpJfZ9yJR9ZSVraEC4HuJKa1VC4hI3Q5YbXgaw=";
    private static final WireMockServer ORANGEHRM =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static final int PORT = freePort();

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    Connections connections;

    @DynamicPropertySource
    static void trainflow(DynamicPropertyRegistry registry) throws Exception {
        ORANGEHRM.start();
        Path secret = Files.createTempFile("client-secret", ".txt");
        Files.writeString(secret, CLIENT_SECRET);
        registry.add("server.port", () -> PORT); // the redirect URI must name Trainflow's own port
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:oauth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("trainflow.bpmn-dir", () -> "../bpmn");
        registry.add("trainflow.progress-sync", () -> "PT12H");
        registry.add("trainflow.hcm-sync", () -> "PT12H");
        registry.add("trainflow.hcm.type", () -> "orangehrm");
        registry.add("trainflow.hcm.orangehrm.base-url", () -> "http://127.0.0.1:" + ORANGEHRM.port() + ROOT);
        registry.add("trainflow.hcm.orangehrm.client-id", () -> CLIENT_ID);
        registry.add("trainflow.hcm.orangehrm.client-secret-file", secret::toString);
        registry.add("trainflow.hcm.orangehrm.redirect-uri", () -> "http://127.0.0.1:" + PORT + "/oauth/callback");
    }

    @AfterAll
    static void stop() {
        ORANGEHRM.stop();
    }

    @Test
    void theConsentCompletesInTheBrowserAtTheRedirectUri() throws Exception {
        String code = recorded("53-oauth-token-authorization-code")
                .at("/request/body/code")
                .asString();
        ORANGEHRM.stubFor(post(urlPathEqualTo(ROOT + "/oauth2/token"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo(code))
                .willReturn(answer("53-oauth-token-authorization-code")));
        String state = connections.hcmConsent().orElseThrow().startConsent().state();

        HttpResponse<String> forged = get("/oauth/callback?code=" + code + "&state=st123");
        assertThat(forged.statusCode())
                .as("refused on the page, not a sign-in prompt")
                .isEqualTo(400);
        assertThat(forged.body()).contains("Consent not completed");
        assertThat(connections.hcmConsent().orElseThrow().hasTokens()).isFalse();

        HttpResponse<String> page = get("/oauth/callback?code=" + code + "&state=" + state);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Trainflow is connected to OrangeHRM");
        assertThat(connections.hcmConsent().orElseThrow().hasTokens()).isTrue();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.trainflow.connectors.orangehrm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.trainflow.connectors.orangehrm.auth.JdbcTokenStore;
import io.trainflow.connectors.orangehrm.auth.OAuthTokens;
import io.trainflow.connectors.orangehrm.fixtures.OrangeHrmFixtures;
import io.trainflow.connectors.resilience.Resilience;
import io.trainflow.connectors.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WireMock OrangeHRM on a dynamic loopback port replaying the recorded fixtures, with Trainflow's
 * token table on an H2 file database (a new DataSource over the same file is "after a restart").
 */
abstract class OrangeHrmWireMockBase {

    static final String ROOT = "/web/index.php";
    static final String API = ROOT + "/api/v2";
    static final String CLIENT_ID = "34c324cda7d268ed6f0aeeabb1ff2c3d";
    static final String CLIENT_SECRET = "93PJIgpJfZ9yJR9ZSVraEC4HuJKa1VC4hI3Q5YbXgaw=";
    static final String REDIRECT = "http://127.0.0.1:9999/callback";
    static final String ACCESS = "ACCESS-TOKEN-SEEDED";
    static final JsonMapper JSON = OrangeHrmFixtures.JSON;

    @TempDir
    Path dir;

    WireMockServer wm;
    OrangeHrmConnector connector;
    OrangeHrmHcm hcm;

    @BeforeEach
    void startOrangeHrm() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        seedTokens(new OAuthTokens(ACCESS, "REFRESH-TOKEN-SEEDED", Instant.now().plusSeconds(1800)));
        connector = start(config(baseUrl()));
        hcm = connector.hcm();
    }

    @AfterEach
    void stopOrangeHrm() {
        connector.close();
        wm.stop();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + wm.port() + ROOT;
    }

    OrangeHrmConnector start(OrangeHrmConfig config) {
        return OrangeHrmConnector.start(config, new JdbcTokenStore(database(), Clock.systemUTC()), Clock.systemUTC());
    }

    /** Fast backoff so outage tests stay quick; 3 retries, breaker out of the way unless a test wants it. */
    static Resilience fast() {
        return new Resilience(
                Duration.ofMillis(500),
                3,
                Duration.ofMillis(20),
                Duration.ofMillis(100),
                100,
                Duration.ofSeconds(30),
                0);
    }

    OrangeHrmConfig config(String baseUrl) {
        return OrangeHrmConfig.oauth(baseUrl, CLIENT_ID, secret("CLIENT_SECRET", CLIENT_SECRET), REDIRECT, fast());
    }

    static Secret secret(String name, String value) {
        return Secret.fromEnvironment(name, Map.of(name, value));
    }

    DataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("trainflow").toAbsolutePath());
        ds.setUser("sa");
        return ds;
    }

    void seedTokens(OAuthTokens tokens) {
        new JdbcTokenStore(database(), Clock.systemUTC())
                .save("orangehrm http://127.0.0.1:" + wm.port() + ROOT + " client " + CLIENT_ID, tokens);
    }

    /** GET of an API path with limit=0 (or no query), authorised with the seeded token. */
    static MappingBuilder api(String method, String path) {
        return request(method, urlPathEqualTo(API + path)).withHeader("Authorization", equalTo("Bearer " + ACCESS));
    }

    static MappingBuilder list(String path) {
        return api("GET", path).withQueryParam("limit", equalTo("0"));
    }

    void replay(MappingBuilder stub, String fixture) {
        wm.stubFor(stub.willReturn(answer(fixture)));
    }

    static ResponseDefinitionBuilder answer(String fixture) {
        return OrangeHrmFixtures.answer(fixture);
    }

    static String sent(String fixture) {
        return OrangeHrmFixtures.sent(fixture);
    }

    static JsonNode recorded(String fixture) {
        return OrangeHrmFixtures.recorded(fixture);
    }

    static String text(String resource) {
        return OrangeHrmFixtures.text(resource);
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}

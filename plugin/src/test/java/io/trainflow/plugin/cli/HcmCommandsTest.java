package io.trainflow.plugin.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.trainflow.connectors.orangehrm.fixtures.OrangeHrmFixtures.answer;
import static io.trainflow.connectors.orangehrm.fixtures.OrangeHrmFixtures.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.trainflow.connectors.orangehrm.auth.JdbcTokenStore;
import io.trainflow.connectors.orangehrm.auth.OAuthTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code trainflow hcm-consent} and {@code trainflow check-connections} with OrangeHRM or SCIM as the
 * HCM, no server running, against WireMock replaying the recorded OrangeHRM fixtures (and written
 * SCIM answers); the tokens land in the H2 file database the server would use.
 */
class HcmCommandsTest {

    private static final String ROOT = "/web/index.php";
    private static final String API = ROOT + "/api/v2";
    private static final String CLIENT_ID = "34c324cda7d268ed6f0aeeabb1ff2c3d";
    private static final String CLIENT_SECRET = "93PJIgpJfZ9yJR9ZSVraEC4HuJKa1VC4hI3Q5YbXgaw=";
    private static final String REDIRECT = "http://127.0.0.1:9999/callback";
    private static final String CODE = recorded("53-oauth-token-authorization-code")
            .at("/request/body/code")
            .asString();
    private static final String ACCESS = recorded("53-oauth-token-authorization-code")
            .at("/response/body/access_token")
            .asString();
    private static final String REFRESH = recorded("53-oauth-token-authorization-code")
            .at("/response/body/refresh_token")
            .asString();
    private static final String SCIM_TOKEN = "scim-bearer-placeholder";

    @TempDir
    Path dir;

    private WireMockServer wm;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        if (wm.isRunning()) {
            wm.stop();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + wm.port() + ROOT;
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("trainflow").toAbsolutePath();
    }

    private List<String> orangeHrmArgs(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--trainflow.hcm.type=orangehrm",
                "--spring.datasource.url=" + db(),
                "--trainflow.hcm.orangehrm.base-url=" + base(),
                "--trainflow.hcm.orangehrm.client-id=" + CLIENT_ID,
                "--trainflow.hcm.orangehrm.redirect-uri=" + REDIRECT,
                "--trainflow.hcm.orangehrm.resilience.max-retries=1",
                "--trainflow.hcm.orangehrm.resilience.initial-backoff=PT0.01S"));
        args.addAll(List.of(more));
        return args;
    }

    private int consent(String... args) {
        HcmConsentCommand command = new HcmConsentCommand();
        new CommandLine(command).parseArgs(orangeHrmArgs(args).toArray(String[]::new));
        return run(() -> command.run(Map.of("TRAINFLOW_ORANGEHRM_CLIENT_SECRET", CLIENT_SECRET)::get, print()));
    }

    private int check(List<String> args, Map<String, String> env) {
        CheckConnectionsCommand command = new CheckConnectionsCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return run(() -> command.run(env::get, print()));
    }

    private int checkOrangeHrm() {
        return check(orangeHrmArgs(), Map.of("TRAINFLOW_ORANGEHRM_CLIENT_SECRET", CLIENT_SECRET));
    }

    private PrintStream print() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private static int run(Callable<Integer> command) {
        try {
            return command.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private JdbcTokenStore tokens() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(db());
        ds.setUser("sa");
        return new JdbcTokenStore(ds, Clock.systemUTC());
    }

    private Object storedRefreshToken() {
        return tokens().load("orangehrm " + base() + " client " + CLIENT_ID)
                .map(OAuthTokens::refreshToken)
                .orElse(null);
    }

    private void seedTokens() {
        tokens().save(
                        "orangehrm " + base() + " client " + CLIENT_ID,
                        new OAuthTokens(ACCESS, REFRESH, Instant.now().plusSeconds(1800)));
    }

    private static MappingBuilder api(String path) {
        return get(urlPathEqualTo(API + path)).withHeader("Authorization", equalTo("Bearer " + ACCESS));
    }

    private void orangeHrmInPlace() {
        wm.stubFor(api("/pim/employees").willReturn(answer("54-oauth-bearer-list-employees")));
        wm.stubFor(api("/admin/subunits").willReturn(answer("22-list-subunits-tree")));
        wm.stubFor(api("/admin/users").willReturn(answer("written/users")));
        wm.stubFor(api("/admin/skills").willReturn(answer("08-list-skills")));
        wm.stubFor(api("/admin/licenses").willReturn(answer("11-list-licenses")));
        wm.stubFor(api("/performance/manage/reviews").willReturn(answer("45-list-reviews-manage")));
    }

    @Test
    void consentPrintsTheUrlThenStoresTheTokensWhereTheServerReadsThem() {
        assertThat(consent()).as(output()).isZero();
        Matcher state = Pattern.compile("state\t(\\S+)").matcher(output());
        assertThat(state.find()).as(output()).isTrue();
        assertThat(output())
                .contains(base() + "/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID
                        + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcallback&state=" + state.group(1));
        wm.verify(0, anyRequestedFor(anyUrl()));

        wm.stubFor(post(urlPathEqualTo(ROOT + "/oauth2/token"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo(CODE))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET))
                .withFormParam("redirect_uri", equalTo(REDIRECT))
                .willReturn(answer("53-oauth-token-authorization-code")));
        // what OrangeHRM sent the browser to (fixture 52), carrying the state of the printed URL
        String redirect = recorded("52-oauth-authorize")
                .at("/response/headers/Location")
                .asString()
                .replace("state=st123", "state=" + state.group(1));
        assertThat(consent("--redirect", redirect)).as(output()).isZero();
        assertThat(output())
                .contains("consent stored")
                .doesNotContain(CLIENT_SECRET)
                .doesNotContain(ACCESS);
        assertThat(storedRefreshToken()).isEqualTo(REFRESH);

        orangeHrmInPlace();
        assertThat(checkOrangeHrm()).as(output()).isZero();
        assertThat(output()).contains("orangehrm\tOK\tread employees: reached the API at " + base());
    }

    @Test
    void consentNeedsOnlyOrangeHrmsSettingsNotMoodles() {
        // issue 10: with the LMS set to Moodle, hcm-consent demanded the Moodle token
        assertThat(consent("--trainflow.lms.type=moodle", "--trainflow.lms.moodle.base-url=http://127.0.0.1:1"))
                .as(output())
                .isZero();
        assertThat(output()).contains("/oauth2/authorize?response_type=code").doesNotContain("MOODLE");
    }

    @Test
    void aRedirectWhoseStateTrainflowDidNotSignIsRefused() {
        String forged =
                recorded("52-oauth-authorize").at("/response/headers/Location").asString(); // state=st123
        assertThat(consent("--redirect", forged)).isEqualTo(1);
        assertThat(output()).contains("not issued by Trainflow");
        wm.verify(0, postRequestedFor(anyUrl()));
        assertThat(storedRefreshToken()).isNull();
    }

    @Test
    void consentIsRefusedWhenTheHcmHasNone() {
        HcmConsentCommand command = new HcmConsentCommand();
        new CommandLine(command).parseArgs();
        assertThat(command.run(Map.<String, String>of()::get, print())).isEqualTo(1);
        assertThat(output()).contains("trainflow.hcm.type must be orangehrm");
    }

    @Test
    void checkWithoutConsentSaysToRunHcmConsent() {
        assertThat(checkOrangeHrm()).isEqualTo(1);
        assertThat(output())
                .contains(
                        "orangehrm\tCONSENT_REQUIRED\tconsent:",
                        "trainflow hcm-consent",
                        "/oauth2/authorize?response_type=code");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void checkNamesEveryAreaWhenOrangeHrmIsInPlace() {
        DemoDatabase.at(db()); // the catalogue's skill names, as the demo's first start imported them
        seedTokens();
        orangeHrmInPlace();
        assertThat(checkOrangeHrm()).as(output()).isZero();
        assertThat(output())
                .contains(
                        "sample-lms\tOK",
                        "orangehrm\tOK\tread sub-units",
                        "orangehrm\tOK\tread skills",
                        "orangehrm\tOK\tread performance reviews",
                        "orangehrm\tOK\tskills: every HCM skill matches a catalogue skill"); // recorded: three, all in
        // the catalogue
    }

    @Test
    void checkReportsRejectedClientCredentials() {
        seedTokens();
        wm.stubFor(get(urlPathEqualTo(API + "/pim/employees")).willReturn(answer("58-oauth-bearer-invalid-token")));
        wm.stubFor(post(urlPathEqualTo(ROOT + "/oauth2/token"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\","
                                        + "\"message\":\"Client authentication failed\"}")));
        assertThat(checkOrangeHrm()).isEqualTo(1);
        assertThat(output())
                .contains(
                        "orangehrm\tBAD_CREDENTIALS\tread employees:",
                        "invalid_client",
                        "TRAINFLOW_ORANGEHRM_CLIENT_SECRET")
                .doesNotContain(CLIENT_SECRET);
    }

    @Test
    void checkReportsAnUnreachableOrangeHrm() {
        seedTokens();
        List<String> args = orangeHrmArgs();
        wm.stop();
        assertThat(check(args, Map.of("TRAINFLOW_ORANGEHRM_CLIENT_SECRET", CLIENT_SECRET)))
                .isEqualTo(1);
        assertThat(output()).contains("orangehrm\tUNREACHABLE\tread employees: OrangeHRM unreachable");
    }

    @Test
    void aMissingClientSecretNamesWhereToPutIt() {
        assertThat(check(orangeHrmArgs(), Map.of())).isEqualTo(1);
        assertThat(output())
                .contains("TRAINFLOW_ORANGEHRM_CLIENT_SECRET", "trainflow.hcm.orangehrm.client-secret-file");
    }

    private List<String> scimArgs() {
        return List.of(
                "--trainflow.hcm.type=scim",
                "--spring.datasource.url=" + db(),
                "--trainflow.hcm.scim.base-url=http://127.0.0.1:" + wm.port() + "/scim/v2",
                "--trainflow.hcm.scim.resilience.max-retries=1",
                "--trainflow.hcm.scim.resilience.initial-backoff=PT0.01S");
    }

    @Test
    void scimInPlaceAndWithARefusedToken() {
        wm.stubFor(get(urlPathEqualTo("/scim/v2/Users"))
                .withHeader("Authorization", equalTo("Bearer " + SCIM_TOKEN))
                .willReturn(okJson(text("/scim/users-none.json"))));
        wm.stubFor(get(urlPathEqualTo("/scim/v2/Users"))
                .withHeader("Authorization", notContaining(SCIM_TOKEN))
                .willReturn(aResponse().withStatus(401).withBody(text("/scim/error-401.json"))));
        assertThat(check(scimArgs(), Map.of("TRAINFLOW_SCIM_TOKEN", SCIM_TOKEN)))
                .as(output())
                .isZero();
        assertThat(output()).contains("scim\tOK\tlist users: reached http://127.0.0.1:" + wm.port() + "/scim/v2/Users");

        assertThat(check(scimArgs(), Map.of("TRAINFLOW_SCIM_TOKEN", "wrong-token")))
                .isEqualTo(1);
        assertThat(output())
                .contains("scim\tBAD_CREDENTIALS\tlist users:", "TRAINFLOW_SCIM_TOKEN")
                .doesNotContain("wrong-token");
    }

    @Test
    void scimUnreachable() {
        List<String> args = scimArgs();
        wm.stop();
        assertThat(check(args, Map.of("TRAINFLOW_SCIM_TOKEN", SCIM_TOKEN))).isEqualTo(1);
        assertThat(output()).contains("scim\tUNREACHABLE\tlist users: SCIM provider unreachable");
    }

    private static String text(String resource) {
        try (InputStream in = HcmCommandsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

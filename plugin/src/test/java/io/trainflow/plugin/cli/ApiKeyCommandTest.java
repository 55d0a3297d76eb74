package io.trainflow.plugin.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.trainflow.plugin.security.ApiKeyScope;
import io.trainflow.plugin.security.ApiKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code trainflow api-key create}: the first key of an installation without an identity provider, written into the
 * server's database with no server running, for a person the HCM knows (a SCIM provider replayed by WireMock, or the
 * sample organisation), printed once and stored hashed.
 */
class ApiKeyCommandTest {

    private static final String SCIM_TOKEN = "scim-bearer-placeholder";
    private static final Pattern KEY = Pattern.compile("^key\t(tfk_[A-Za-z0-9_-]+)\t", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private WireMockServer wm;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        wm.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(okJson(text("/scim/users-none.json"))));
        wm.stubFor(get(urlPathEqualTo("/scim/v2/Users"))
                .withQueryParam("filter", containing("linus.torvalds"))
                .willReturn(okJson(text("/scim/users-by-username-linus.json"))));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("trainflow").toAbsolutePath();
    }

    private int create(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--trainflow.hcm.type=scim",
                "--spring.datasource.url=" + db(),
                "--trainflow.hcm.scim.base-url=http://127.0.0.1:" + wm.port() + "/scim/v2",
                "--trainflow.hcm.scim.resilience.max-retries=1"));
        ApiKeyCommand.Create command = new ApiKeyCommand.Create();
        new CommandLine(command).parseArgs(all.toArray(String[]::new));
        return command.run(
                Map.of("TRAINFLOW_SCIM_TOKEN", SCIM_TOKEN)::get, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private JdbcDataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(db());
        ds.setUser("sa");
        return ds;
    }

    @Test
    void theFirstKeyOfARealHcmIsPrintedOnceStoredHashedAndWorksAsItsPerson() throws SQLException {
        assertThat(create("--user", "linus.torvalds", "--scopes", "admin,tasks:read", "--name", "bootstrap"))
                .as(output())
                .isZero();

        Matcher key = KEY.matcher(output());
        assertThat(key.find()).as(output()).isTrue();
        String secret = key.group(1);
        assertThat(output().split(Pattern.quote(secret), -1)).as("printed once").hasSize(2);
        assertThat(output()).contains("user\tlinus.torvalds", "scopes\ttasks:read,admin");
        // what the server's sign-in reads: the key acts as its person with its scopes
        ApiKeys.Key stored =
                new ApiKeys(database(), Clock.systemUTC()).use(secret).orElseThrow();
        assertThat(stored.username()).isEqualTo("linus.torvalds");
        assertThat(stored.scopes()).isEqualTo(Set.of(ApiKeyScope.ADMIN, ApiKeyScope.TASKS_READ));
        assertThat(stored.name()).isEqualTo("bootstrap");
        assertThat(stored.createdBy()).startsWith("cli:");
        try (Connection c = database().getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM tf_api_key WHERE key_hash LIKE '%" + secret + "%'"))
                    .isZero();
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM tf_access_audit WHERE action = 'create-api-key' AND subject = '"
                                    + stored.id() + "'"))
                    .isOne();
        }
    }

    @Test
    void anUnknownPersonOrScopeIsRefusedNamingTheOptionAndNothingIsStored() throws SQLException {
        assertThat(create("--user", "nobody.known", "--scopes", "admin")).isEqualTo(2);
        assertThat(output()).contains("api-key\tERROR\t--user: 'nobody.known' is not a person of the HCM");
        assertThat(create("--user", "linus.torvalds", "--scopes", "tasks:read,everything"))
                .isEqualTo(2);
        assertThat(output()).contains("--scopes[1]: 'everything' is not a scope");
        assertThat(output()).doesNotContain("tfk_");
        try (Connection c = database().getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM tf_api_key")).isZero();
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static String text(String resource) {
        try (InputStream in = ApiKeyCommandTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

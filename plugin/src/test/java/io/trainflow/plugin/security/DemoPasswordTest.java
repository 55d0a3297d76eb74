package io.trainflow.plugin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.config.TrainflowProperties;
import io.trainflow.plugin.connect.ConnectionSettings;
import io.trainflow.plugin.connect.Connections;
import io.trainflow.plugin.connect.ScimSettings;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo password signs in the sample organisation only, and stops start-up next to real people. */
class DemoPasswordTest {

    private final SampleOrganisation org = SampleOrganisation.fromClasspath();
    private final PasswordEncoder encoder = new SecurityConfiguration().passwordEncoder();

    private static TrainflowProperties demoPassword(String password) {
        return new TrainflowProperties(null, 0, null, null, null, password, null, null);
    }

    private static SignInProperties provider(String issuer) {
        return new SignInProperties(
                new SignInProperties.Oidc(issuer, null, null, null, null, null, null, null, null, null, null, null),
                null);
    }

    private Connections sample() {
        return Connections.open(
                new ConnectionSettings("sample", null, "sample", null, null),
                org,
                name -> null,
                () -> null,
                Clock.systemUTC());
    }

    @Test
    void theSampleOrganisationSignsInWithItAndItsAdminsAreAdmins() {
        UserDetailsService users =
                new SecurityConfiguration().users(org, sample(), demoPassword("demo"), provider(null), encoder);

        assertThat(users.loadUserByUsername("adam.david").getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
        assertThat(encoder.matches(
                        "demo", users.loadUserByUsername("zoe.vincent").getPassword()))
                .isTrue();
    }

    @Test
    void withoutItNobodySignsInByPassword() {
        UserDetailsService users =
                new SecurityConfiguration().users(org, sample(), demoPassword(""), provider(null), encoder);

        assertThatThrownBy(() -> users.loadUserByUsername("adam.david")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void nextToAnIdentityProviderItStopsStartUpSayingWhy() {
        assertThatThrownBy(() -> new SecurityConfiguration()
                        .users(
                                org,
                                sample(),
                                demoPassword("demo"),
                                provider("https://sso.example.test/realms/acme"),
                                encoder))
                .hasMessageContaining("TRAINFLOW_DEMO_PASSWORD is set")
                .hasMessageContaining("identity provider")
                .hasMessageContaining("Unset TRAINFLOW_DEMO_PASSWORD");
    }

    @Test
    void nextToARealHcmItStopsStartUpSayingWhy() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:demo-password-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Connections scim = Connections.open(
                new ConnectionSettings(
                        "sample",
                        null,
                        "scim",
                        null,
                        new ScimSettings("http://127.0.0.1:9/scim/v2", null, null, null, null)),
                org,
                Map.of(ScimSettings.TOKEN_ENV, "scim-token")::get,
                () -> db,
                Clock.systemUTC());

        assertThatThrownBy(() ->
                        new SecurityConfiguration().users(org, scim, demoPassword("demo"), provider(null), encoder))
                .hasMessageContaining("a real HCM is configured");
    }
}

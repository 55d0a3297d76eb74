package io.trainflow.plugin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.config.TrainflowProperties;
import io.trainflow.plugin.connect.ScimSettings;
import io.trainflow.plugin.sample.SamplePeople;
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

    private UserDetailsService users(TrainflowProperties properties, SignInProperties signIn) {
        return SecurityConfiguration.users(() -> new SamplePeople(() -> org), properties, signIn, encoder);
    }

    private static SignInProperties provider(String issuer) {
        return new SignInProperties(
                new SignInProperties.Oidc(issuer, null, null, null, null, null, null, null, null, null, null, null),
                null);
    }

    @Test
    void theSampleOrganisationSignsInWithItAndItsAdminsAreAdmins() {
        UserDetailsService users = users(demoPassword("demo"), provider(null));

        assertThat(users.loadUserByUsername("adam.david").getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
        assertThat(encoder.matches(
                        "demo", users.loadUserByUsername("zoe.vincent").getPassword()))
                .isTrue();
    }

    @Test
    void withoutItNobodySignsInByPassword() {
        UserDetailsService users = users(demoPassword(""), provider(null));

        assertThatThrownBy(() -> users.loadUserByUsername("adam.david")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void nextToAnIdentityProviderItStopsStartUpSayingWhy() {
        assertThatThrownBy(() -> users(demoPassword("demo"), provider("https://sso.example.test/realms/acme")))
                .hasMessageContaining("TRAINFLOW_DEMO_PASSWORD is set")
                .hasMessageContaining("identity provider")
                .hasMessageContaining("Unset TRAINFLOW_DEMO_PASSWORD");
    }

    @Test
    void nextToARealHcmItStopsStartUpSayingWhy() {
        TrainflowProperties scim = new TrainflowProperties(
                null,
                0,
                null,
                null,
                null,
                "demo",
                null,
                new TrainflowProperties.Hcm(
                        "scim", null, new ScimSettings("http://127.0.0.1:9/scim/v2", null, null, null, null)));

        assertThatThrownBy(() -> users(scim, provider(null))).hasMessageContaining("a real HCM is configured");
    }
}

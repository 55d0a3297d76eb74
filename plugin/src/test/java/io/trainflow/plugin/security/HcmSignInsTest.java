package io.trainflow.plugin.security;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.trainflow.connectors.orangehrm.fixtures.OrangeHrmFixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.trainflow.connectors.orangehrm.OrangeHrmConnector;
import io.trainflow.connectors.orangehrm.fixtures.SeededOrangeHrm;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * HTTP Basic signs in on every request: an OrangeHRM person's requests ask OrangeHRM (the real
 * connector, against WireMock replaying the recorded answers) once per five minutes, whether the
 * username is known or not; the sample organisation's people never reach it.
 */
class HcmSignInsTest {

    private static final String API = "/web/index.php/api/v2";
    private static final String ACCESS = "ACCESS-TOKEN-SIGN-IN";
    private static final String PASSWORD = "{noop}demo";

    private final EngineClock clock = new EngineClock();
    private WireMockServer orangeHrm;
    private OrangeHrmConnector connector;
    private HcmSignIns signIns;

    @BeforeEach
    void start() {
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        orangeHrm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        orangeHrm.start();
        orangeHrm.stubFor(api("/admin/users").willReturn(answer("written/users")));
        orangeHrm.stubFor(api("/admin/users").withQueryParam("username", equalTo("linus.torvalds"))
                .willReturn(answer("written/users-linus")));
        orangeHrm.stubFor(api("/admin/users").withQueryParam("username", equalTo("nobody"))
                .willReturn(answer("written/empty-employee-list")));
        orangeHrm.stubFor(api("/pim/employees/3").willReturn(answer("18-get-employee")));
        orangeHrm.stubFor(api("/pim/employees/3/job-details").willReturn(answer("19-get-job-details")));
        orangeHrm.stubFor(api("/pim/employees/3/supervisors").willReturn(answer("20-list-supervisors")));
        connector = SeededOrangeHrm.connect("http://127.0.0.1:" + orangeHrm.port() + "/web/index.php", ACCESS);
        InMemoryUserDetailsManager sample = new InMemoryUserDetailsManager(
                User.withUsername("sophie.laurent").password(PASSWORD).roles("USER", "ADMIN").build());
        signIns = new HcmSignIns(sample, connector.hcm(), PASSWORD, clock);
    }

    @AfterEach
    void stop() {
        connector.close();
        orangeHrm.stop();
    }

    @Test
    void tenRequestsOfAnHcmPersonAskOrangeHrmOnce() {
        for (int i = 0; i < 10; i++) {
            UserDetails user = signIns.loadUserByUsername("linus.torvalds");
            assertThat(user.getUsername()).isEqualTo("linus.torvalds");
            assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_USER");
            assertThat(user.getPassword()).as("fresh details each time: Spring erased the last one's").isEqualTo(PASSWORD);
            ((CredentialsContainer) user).eraseCredentials();
        }
        assertThat(lookUps("linus.torvalds")).isEqualTo(1);
    }

    @Test
    void anUnknownUsernameIsRememberedAsUnknown() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIns.loadUserByUsername("nobody")).isInstanceOf(UsernameNotFoundException.class)
                    .hasMessageNotContaining("nobody");
        }
        assertThat(lookUps("nobody")).isEqualTo(1);
    }

    @Test
    void afterFiveMinutesOrangeHrmIsAskedAgain() {
        signIns.loadUserByUsername("linus.torvalds");
        clock.advance(Duration.ofMinutes(4));
        signIns.loadUserByUsername("linus.torvalds");
        assertThat(lookUps("linus.torvalds")).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        signIns.loadUserByUsername("linus.torvalds");
        assertThat(lookUps("linus.torvalds")).as("a person removed in OrangeHRM loses access within minutes").isEqualTo(2);
    }

    @Test
    void theSampleOrganisationsPeopleNeverReachOrangeHrm() {
        assertThat(signIns.loadUserByUsername("sophie.laurent").getAuthorities()).extracting(Object::toString)
                .contains("ROLE_ADMIN");
        assertThat(orangeHrm.getAllServeEvents()).isEmpty();
    }

    @Test
    void anOutageIsNotRememberedAsAnAnswer() {
        StubMapping outage = orangeHrm.stubFor(api("/admin/users").withQueryParam("username", equalTo("linus.torvalds"))
                .atPriority(1).willReturn(serverError()));
        assertThatThrownBy(() -> signIns.loadUserByUsername("linus.torvalds")).isNotInstanceOf(UsernameNotFoundException.class);
        orangeHrm.removeStub(outage);
        assertThat(signIns.loadUserByUsername("linus.torvalds").getUsername()).as("asked again once OrangeHRM is back")
                .isEqualTo("linus.torvalds");
    }

    private int lookUps(String username) {
        return orangeHrm.countRequestsMatching(getRequestedFor(urlPathEqualTo(API + "/admin/users"))
                .withQueryParam("username", equalTo(username)).build()).getCount();
    }

    private static MappingBuilder api(String path) {
        return get(urlPathEqualTo(API + path)).withHeader("Authorization", equalTo("Bearer " + ACCESS));
    }
}

package io.trainflow.connectors.orangehrm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.trainflow.connectors.hcm.TrainingRecord;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.orangehrm.auth.JdbcTokenStore;
import io.trainflow.connectors.orangehrm.auth.OAuthTokens;
import io.trainflow.connectors.orangehrm.error.OrangeHrmUnavailableException;
import io.trainflow.connectors.resilience.Resilience;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Transient failures: bounded retries, then a technical exception; recovery loses and duplicates nothing. */
class OrangeHrmOutageTest extends OrangeHrmWireMockBase {

    @Test
    void connectionRefusedIsRetriedThenUnavailableAndTheCheckSaysUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        connector.close();
        String down = "http://127.0.0.1:" + closedPort + ROOT;
        seedTokensFor(down);
        connector = start(config(down));
        assertThatThrownBy(() -> connector.hcm().skills())
                .isInstanceOf(OrangeHrmUnavailableException.class)
                .hasRootCauseInstanceOf(ConnectException.class);
        assertThat(connector.check().findings())
                .singleElement()
                .extracting(Finding::kind)
                .isEqualTo(Finding.Kind.UNREACHABLE);
    }

    @Test
    void persistent503IsRetriedABoundedNumberOfTimes() {
        wm.stubFor(list("/admin/skills").willReturn(serviceUnavailable()));
        assertThatThrownBy(hcm::skills)
                .isInstanceOf(OrangeHrmUnavailableException.class)
                .hasMessageContaining("503");
        wm.verify(1 + 3, getRequestedFor(urlPathEqualTo(API + "/admin/skills")));
    }

    /** Issue 10: the step that meets the outage is tried again when OrangeHRM said, not after 5 s then 10 s. */
    @Test
    void anOutageTellsTheStepWhenToComeBack() {
        wm.stubFor(list("/admin/skills").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "90")));
        assertThatThrownBy(hcm::skills)
                .isInstanceOfSatisfying(
                        io.trainflow.connectors.error.PortUnavailableException.class,
                        e -> assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(90)));
    }

    @Test
    void tooManyRequestsIsRetried() {
        wm.stubFor(list("/admin/skills")
                .inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429))
                .willSetStateTo("ok"));
        wm.stubFor(list("/admin/skills")
                .inScenario("429")
                .whenScenarioStateIs("ok")
                .willReturn(answer("08-list-skills")));
        assertThat(hcm.skills()).hasSize(3);
    }

    @Test
    void slowAnswersPastTheTimeoutAreRetriedThenUnavailable() {
        wm.stubFor(list("/admin/skills").willReturn(answer("08-list-skills").withFixedDelay(1500))); // timeout 500 ms
        assertThatThrownBy(hcm::skills)
                .isInstanceOf(OrangeHrmUnavailableException.class)
                .hasRootCauseInstanceOf(SocketTimeoutException.class);
        wm.verify(1 + 3, getRequestedFor(urlPathEqualTo(API + "/admin/skills")));
    }

    /** Writing a training record through a 503 burst: it lands once; the re-run step writes nothing. */
    @Test
    void recordTrainingAfterA503BurstWritesExactlyOnce() {
        replay(list("/admin/licenses"), "11-list-licenses");
        wm.stubFor(list("/pim/employees/3/licenses")
                .inScenario("w")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer("written/empty-employee-list")));
        wm.stubFor(api("POST", "/pim/employees/3/licenses")
                .inScenario("w")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable())
                .willSetStateTo("503 again"));
        wm.stubFor(api("POST", "/pim/employees/3/licenses")
                .inScenario("w")
                .whenScenarioStateIs("503 again")
                .willReturn(serviceUnavailable())
                .willSetStateTo("recovered"));
        wm.stubFor(api("POST", "/pim/employees/3/licenses")
                .inScenario("w")
                .whenScenarioStateIs("recovered")
                .willReturn(answer("29-add-employee-license"))
                .willSetStateTo("held"));
        wm.stubFor(list("/pim/employees/3/licenses")
                .inScenario("w")
                .whenScenarioStateIs("held")
                .willReturn(answer("31-list-employee-licenses")));
        TrainingRecord cka = new TrainingRecord(
                null,
                "Certified Kubernetes Administrator (CKA)",
                "CKA-2026-000123",
                LocalDate.parse("2026-10-01"),
                LocalDate.parse("2029-10-01"));

        assertThat(hcm.recordTraining("3", cka).recordId()).isEqualTo("1");
        assertThat(hcm.recordTraining("3", cka).recordId()).isEqualTo("1");
        wm.verify(3, postRequestedFor(urlPathEqualTo(API + "/pim/employees/3/licenses"))); // two refused, one landed
        wm.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void breakerOpensAfterRepeatedFailuresAndFailsFast() {
        connector.close();
        connector = start(OrangeHrmConfig.oauth(
                baseUrl(),
                CLIENT_ID,
                secret("S", CLIENT_SECRET),
                REDIRECT,
                new Resilience(
                        Duration.ofMillis(500),
                        0,
                        Duration.ofMillis(10),
                        Duration.ofMillis(10),
                        2,
                        Duration.ofSeconds(30),
                        0)));
        wm.stubFor(list("/admin/skills").willReturn(serviceUnavailable()));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> connector.hcm().skills()).isInstanceOf(OrangeHrmUnavailableException.class);
        }
        assertThatThrownBy(() -> connector.hcm().skills())
                .isInstanceOf(OrangeHrmUnavailableException.CircuitOpen.class);
        assertThat(connector.circuitOpen()).isTrue();
        wm.verify(2, getRequestedFor(urlPathEqualTo(API + "/admin/skills")));
    }

    @Test
    void aBaseUrlThatIsNotTheApiIsNamedByTheCheck() {
        connector.close();
        String wrong = "http://127.0.0.1:" + wm.port() + "/orangehrm";
        seedTokensFor(wrong);
        wm.stubFor(get(urlPathEqualTo("/orangehrm/api/v2/pim/employees"))
                .willReturn(notFound().withBody("<html>404</html>")));
        connector = start(config(wrong));
        assertThat(connector.check().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.BAD_URL);
            assertThat(f.detail()).contains("/web/index.php");
        });
    }

    @Test
    void theCheckNamesEachAreaTheAccountMayNotRead() {
        replay(api("GET", "/pim/employees").withQueryParam("limit", equalTo("1")), "54-oauth-bearer-list-employees");
        replay(api("GET", "/admin/subunits"), "22-list-subunits-tree");
        replay(list("/admin/users"), "written/forbidden");
        replay(list("/admin/skills"), "08-list-skills");
        replay(list("/admin/licenses"), "11-list-licenses");
        replay(list("/performance/manage/reviews"), "45-list-reviews-manage");
        assertThat(connector.check().findings())
                .extracting(Finding::check, Finding::kind)
                .containsExactly(
                        tuple("read employees", Finding.Kind.OK),
                        tuple(
                                "client secret",
                                Finding.Kind.OK), // the made-up refresh token was refused, not the client
                        tuple("read sub-units", Finding.Kind.OK),
                        tuple("read system users (usernames)", Finding.Kind.MISSING_PERMISSION),
                        tuple("read skills", Finding.Kind.OK),
                        tuple("read licences (training records)", Finding.Kind.OK),
                        tuple("read performance reviews", Finding.Kind.OK));
    }

    private void seedTokensFor(String base) {
        new JdbcTokenStore(database(), Clock.systemUTC())
                .save(
                        "orangehrm " + base + " client " + CLIENT_ID,
                        new OAuthTokens(ACCESS, "R", Instant.now().plusSeconds(600)));
    }
}

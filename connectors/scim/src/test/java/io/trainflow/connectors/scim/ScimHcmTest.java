package io.trainflow.connectors.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.trainflow.connectors.hcm.Department;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.EmployeeSkill;
import io.trainflow.connectors.hcm.TrainingRecord;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.resilience.Resilience;
import io.trainflow.connectors.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SCIM 2.0 read adapter against a WireMock provider answering in RFC 7643/7644 shape (written fixtures). */
class ScimHcmTest {

    static final String TOKEN = "scim-bearer-placeholder";
    static final String DEPT_FILTER =
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Platform\"";

    @TempDir
    Path dir;

    WireMockServer wm;
    ScimConnector connector;
    ScimHcm hcm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        connector = ScimConnector.start(config(true), database());
        hcm = connector.hcm();
    }

    @AfterEach
    void stop() {
        connector.close();
        wm.stop();
    }

    ScimConfig config(boolean departmentFilter) {
        return new ScimConfig(
                "http://127.0.0.1:" + wm.port() + "/scim/v2",
                Secret.fromEnvironment("TRAINFLOW_SCIM_TOKEN", Map.of("TRAINFLOW_SCIM_TOKEN", TOKEN)),
                3,
                departmentFilter,
                new Resilience(
                        Duration.ofMillis(500),
                        3,
                        Duration.ofMillis(20),
                        Duration.ofMillis(100),
                        100,
                        Duration.ofSeconds(30),
                        0));
    }

    DataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("trainflow").toAbsolutePath());
        ds.setUser("sa");
        return ds;
    }

    static MappingBuilder users() {
        return get(urlPathEqualTo("/scim/v2/Users")).withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    static String body(String name) {
        try (InputStream in = ScimHcmTest.class.getResourceAsStream("/scim/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void allUsersOnThreePages() {
        wm.stubFor(users().withQueryParam("filter", absent())
                .withQueryParam("startIndex", equalTo("1"))
                .withQueryParam("count", equalTo("3"))
                .willReturn(okJson(body("users-page1"))));
        wm.stubFor(users().withQueryParam("filter", absent())
                .withQueryParam("startIndex", equalTo("4"))
                .willReturn(okJson(body("users-page2"))));
        wm.stubFor(users().withQueryParam("filter", absent())
                .withQueryParam("startIndex", equalTo("7"))
                .willReturn(okJson(body("users-page3"))));
    }

    @Test
    void departmentsAreReadAcrossAllThreePages() {
        allUsersOnThreePages();
        assertThat(hcm.departments())
                .containsExactly(
                        new Department("Engineering", "Engineering", null),
                        new Department("Platform", "Platform", null),
                        new Department("Safety", "Safety", null));
        wm.verify(3, getRequestedFor(urlPathEqualTo("/scim/v2/Users")));
    }

    @Test
    void employeesOfADepartmentUseTheProvidersFilter() {
        wm.stubFor(users().withQueryParam("filter", equalTo(DEPT_FILTER))
                .willReturn(okJson(body("users-department-platform"))));
        assertThat(hcm.employees("Platform"))
                .extracting(Employee::username)
                .containsExactly("grace.hopper", "linus.torvalds", "ken.thompson");
    }

    /** A provider that cannot filter on the extension says invalidFilter: read all pages and filter here. */
    @Test
    void anUnsupportedDepartmentFilterFallsBackToReadingAll() {
        wm.stubFor(users().withQueryParam("filter", containing(":department eq "))
                .willReturn(aResponse().withStatus(400).withBody(body("error-invalid-filter"))));
        allUsersOnThreePages();
        assertThat(hcm.employees("Platform")).extracting(Employee::employeeId).containsExactly("u-3", "u-4", "u-6");
        assertThat(hcm.employees("Nowhere")).isEmpty();
        // once refused, the filter is not tried again
        wm.verify(
                1,
                getRequestedFor(urlPathEqualTo("/scim/v2/Users")).withQueryParam("filter", containing("department")));
    }

    @Test
    void employeeMappingUsesTheEnterpriseExtensionAndThePrimaryEmail() {
        wm.stubFor(users().withQueryParam("filter", equalTo("userName eq \"linus.torvalds\""))
                .willReturn(okJson(body("users-by-username-linus"))));
        wm.stubFor(users().withQueryParam("filter", equalTo("userName eq \"nobody\""))
                .willReturn(okJson(body("users-none"))));
        assertThat(hcm.employeeByUsername("linus.torvalds"))
                .contains(new Employee(
                        "u-4",
                        "linus.torvalds",
                        "Linus",
                        "Torvalds",
                        "linus.torvalds@acme.example",
                        "Site Reliability Engineer",
                        "Site Reliability Engineer",
                        "Platform",
                        "Platform",
                        "u-3"));
        assertThat(hcm.employeeByUsername("nobody")).isEmpty();
    }

    @Test
    void oneEmployeeByIdAndUnknownIdsAreEmpty() {
        wm.stubFor(get(urlPathEqualTo("/scim/v2/Users/u-4")).willReturn(okJson(body("user-u-4"))));
        wm.stubFor(get(urlPathEqualTo("/scim/v2/Users/u-404"))
                .willReturn(aResponse().withStatus(404).withBody(body("error-404"))));
        assertThat(hcm.employee("u-4")).map(Employee::managerId).contains("u-3");
        assertThat(hcm.employee("u-404")).isEmpty();
    }

    @Test
    void aBadTokenIsNamedAndNotRetried() {
        wm.stubFor(get(urlPathEqualTo("/scim/v2/Users"))
                .willReturn(aResponse().withStatus(401).withBody(body("error-401"))));
        assertThatThrownBy(() -> hcm.departments())
                .isInstanceOf(ScimException.Unauthorized.class)
                .hasMessageContaining("TRAINFLOW_SCIM_TOKEN")
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining(TOKEN);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/scim/v2/Users")));
        assertThat(connector.check().findings())
                .singleElement()
                .extracting(Finding::kind)
                .isEqualTo(Finding.Kind.BAD_CREDENTIALS);
    }

    @Test
    void a503BurstIsRetriedThenRecovered() {
        allUsersOnThreePages();
        wm.stubFor(users().withQueryParam("startIndex", equalTo("4"))
                .inScenario("5xx")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable())
                .willSetStateTo("again"));
        wm.stubFor(users().withQueryParam("startIndex", equalTo("4"))
                .inScenario("5xx")
                .whenScenarioStateIs("again")
                .willReturn(serviceUnavailable())
                .willSetStateTo("ok"));
        wm.stubFor(users().withQueryParam("startIndex", equalTo("4"))
                .inScenario("5xx")
                .whenScenarioStateIs("ok")
                .willReturn(okJson(body("users-page2"))));
        assertThat(hcm.departments()).hasSize(3);
        wm.verify(3, getRequestedFor(urlPathEqualTo("/scim/v2/Users")).withQueryParam("startIndex", equalTo("4")));
    }

    @Test
    void persistent5xxBecomesUnavailableAfterBoundedRetries() {
        wm.stubFor(get(urlPathEqualTo("/scim/v2/Users")).willReturn(serverError()));
        assertThatThrownBy(() -> hcm.departments())
                .isInstanceOf(ScimException.Unavailable.class)
                .hasMessageContaining("500");
        wm.verify(1 + 3, getRequestedFor(urlPathEqualTo("/scim/v2/Users")));
        assertThat(connector.check().findings())
                .singleElement()
                .extracting(Finding::kind)
                .isEqualTo(Finding.Kind.UNREACHABLE);
    }

    /** SCIM has no place for trainings: kept in Trainflow's tables, upserted, surviving a restart. */
    @Test
    void trainingRecordsAndSkillsAreKeptInTrainflowsDatabase() {
        wm.stubFor(get(urlPathEqualTo("/scim/v2/Users/u-4")).willReturn(okJson(body("user-u-4"))));
        wm.stubFor(get(urlPathEqualTo("/scim/v2/Users/u-404"))
                .willReturn(aResponse().withStatus(404).withBody(body("error-404"))));
        TrainingRecord cka = new TrainingRecord(null, "CKA", "K8S-OPS/42", LocalDate.parse("2026-10-01"), null);
        hcm.recordTraining("u-4", cka);
        hcm.recordTraining("u-4", cka);
        hcm.recordTraining("u-4", new TrainingRecord(null, "CKA", "K8S-OPS/43", LocalDate.parse("2026-11-01"), null));
        hcm.saveSkill("u-4", new EmployeeSkill("k8s", "Kubernetes", 4, "proficiency=4/5; after K8S-OPS"));
        assertThatThrownBy(() -> hcm.recordTraining("u-404", cka)).hasMessageContaining("u-404");

        connector.close();
        connector = ScimConnector.start(config(true), database()); // restart on the same H2 file
        assertThat(connector.hcm().trainingRecords("u-4"))
                .containsExactly(new TrainingRecord("CKA", "CKA", "K8S-OPS/43", LocalDate.parse("2026-11-01"), null));
        assertThat(connector.hcm().skills("u-4"))
                .containsExactly(new EmployeeSkill("k8s", "Kubernetes", 4, "proficiency=4/5; after K8S-OPS"));
        assertThat(connector.hcm().skills()).isEmpty();
        assertThat(connector.hcm().latestReview("u-4")).isEmpty();
    }

    @Test
    void configComesFromTheEnvironmentWithTheTokenRedacted() {
        ScimConfig c = ScimConfig.fromEnvironment(Map.of(
                "TRAINFLOW_SCIM_BASE_URL",
                "https://idp.example.com/scim/v2/",
                "TRAINFLOW_SCIM_TOKEN",
                TOKEN,
                "TRAINFLOW_SCIM_DEPARTMENT_FILTER",
                "false"));
        assertThat(c.baseUrl()).isEqualTo("https://idp.example.com/scim/v2");
        assertThat(c.departmentFilter()).isFalse();
        assertThat(c.pageSize()).isEqualTo(100);
        assertThat(c.resilience().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.toString()).doesNotContain(TOKEN);
        assertThatThrownBy(
                        () -> ScimConfig.fromEnvironment(Map.of("TRAINFLOW_SCIM_BASE_URL", "https://idp.example.com")))
                .hasMessageContaining("TRAINFLOW_SCIM_TOKEN");
    }
}

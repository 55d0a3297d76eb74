package io.trainflow.plugin.sample;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.trainflow.connectors.catalogue.JdbcCatalogue;
import io.trainflow.connectors.delegation.JdbcDelegationStore;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.api.model.ClockAdvance;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 11: on Moodle and a SCIM HCM the server starts without ever building the sample organisation: its catalogue
 * starts empty, no sample delegation is seeded, the clock is real time and the sample's endpoints are not there (an
 * admin cannot move production's clock and fire every timer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class ProductionWiringTest {

    private static final WireMockServer SYSTEMS =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcCatalogue catalogue;

    @Autowired
    DataSource dataSource;

    @Autowired
    EngineClock clock;

    @Autowired
    SampleController sample;

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) throws Exception {
        SYSTEMS.start();
        // an empty Moodle site: the background catalogue indexing lists its courses
        SYSTEMS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/webservice/rest/server.php"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("[]")));
        Path token = Files.createTempFile("token", ".txt");
        Files.writeString(token, "not-a-real-token");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("trainflow.bpmn-dir", () -> "../bpmn");
        registry.add("trainflow.progress-sync", () -> "PT12H");
        registry.add("trainflow.hcm-sync", () -> "PT12H");
        registry.add("trainflow.lms.type", () -> "moodle");
        registry.add("trainflow.lms.moodle.base-url", SYSTEMS::baseUrl);
        registry.add("trainflow.lms.moodle.token-file", token::toString);
        registry.add("trainflow.hcm.type", () -> "scim");
        registry.add("trainflow.hcm.scim.base-url", () -> SYSTEMS.baseUrl() + "/scim/v2");
        registry.add("trainflow.hcm.scim.token-file", token::toString);
    }

    @AfterAll
    static void stop() {
        SYSTEMS.stop();
    }

    @Test
    void theSampleOrganisationIsNeverBuilt() {
        assertThat(context.getBeanFactory().containsSingleton("sampleOrganisation"))
                .as("the lazy sample bean was never asked for")
                .isFalse();
        assertThat(catalogue.isEmpty())
                .as("production starts with an empty catalogue")
                .isTrue();
        assertThat(catalogue.hcmNames()).isEmpty();
        SampleOrganisation.fromClasspath()
                .delegations()
                .forEach(d -> assertThat(new JdbcDelegationStore(dataSource).of(d.approver()))
                        .as("the sample's delegation of %s", d.approver())
                        .isEmpty());
    }

    @Test
    void theClockIsRealTimeAndCannotBeMoved() {
        assertThatThrownBy(() -> sample.advanceClock(new ClockAdvance().days(30)))
                .isInstanceOf(TrainflowProblem.NotFound.class)
                .hasMessageContaining("no sample organisation");
        assertThatThrownBy(() -> sample.clockNow()).isInstanceOf(TrainflowProblem.NotFound.class);
        assertThat(clock.offset()).isEqualTo(Duration.ZERO);
    }
}

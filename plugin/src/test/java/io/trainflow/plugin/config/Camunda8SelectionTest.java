package io.trainflow.plugin.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.engine.camunda.Camunda8Engine;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.connector.rest.RestConnector;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.UserTaskPort;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * {@code trainflow.engine=camunda8} picks the Camunda 8 adapter, which takes the cluster's address from the
 * process environment and refuses to start, saying what to check, when the cluster cannot take the models.
 * (The adapter's commands are tested against the contract gateway in the engine-camunda module.)
 */
class Camunda8SelectionTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Camunda8Ports.class)
            .withBean(TrainflowPorts.class, () -> Sample.ports(SampleOrganisation.fromClasspath(), Clock.systemUTC()))
            .withBean(RestConnector.class, RestConnector::start)
            .withBean(Directory.class, () -> Directory.of(Map.of()))
            .withBean(DataSource.class, Camunda8SelectionTest::database)
            .withBean(
                    TrainflowProperties.class,
                    () -> new TrainflowProperties("../bpmn", 1, null, null, null, null, null, null));

    @Test
    void withoutTheSettingNoCamundaClientIsBuilt() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Camunda8Engine.class);
            assertThat(context).doesNotHaveBean(UserTaskPort.class);
        });
    }

    @Test
    void camunda8WithAClusterThatDoesNotAnswerFailsTheStartNamingTheSettings() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String address = "http://127.0.0.1:" + closed;
        runner.withPropertyValues("trainflow.engine=camunda8")
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .replace(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new SystemEnvironmentPropertySource(
                                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                        Map.of("TRAINFLOW_CAMUNDA_REST_ADDRESS", address))))
                .run(
                        context -> assertThat(context)
                                .getFailure()
                                .rootCause()
                                .isNotNull()
                                .satisfies(
                                        failure -> assertThat(context.getStartupFailure())
                                                .hasStackTraceContaining(
                                                        "Deploying the models to the Camunda 8 cluster failed (check TRAINFLOW_CAMUNDA_*)")));
    }

    @Test
    void camunda8WithoutAnAddressNamesTheMissingVariable() {
        runner.withPropertyValues("trainflow.engine=camunda8")
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .replace(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new SystemEnvironmentPropertySource(
                                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of())))
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("TRAINFLOW_CAMUNDA_REST_ADDRESS"));
    }

    /** The application database the adapter's cluster lease lives in (the merge gave the engine one). */
    private static DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:camunda8-selection;DB_CLOSE_DELAY=-1");
        return h2;
    }
}

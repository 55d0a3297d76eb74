package io.trainflow.plugin.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.engine.camunda.Camunda8Engine;
import io.trainflow.plugin.connect.ConnectionSettings;
import io.trainflow.plugin.connect.Connections;
import io.trainflow.plugin.sample.SampleSystems;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.connector.rest.RestConnector;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.IncidentsPort;
import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.engine.UserTaskPort;
import io.trainflow.workflows.intake.Intake;
import io.trainflow.workflows.notify.tasks.OpenTasks;
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
            .withBean(
                    io.trainflow.workflows.notify.tasks.TaskNotifier.class,
                    () -> io.trainflow.workflows.notify.tasks.TaskNotifier.NONE)
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
        camunda8(runner, Map.of("TRAINFLOW_CAMUNDA_REST_ADDRESS", address))
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

    /**
     * With a cluster that takes the models (a plain stub here: the adapter's commands are checked strictly in
     * engine-camunda), history, incidents and task reminders come from the cluster, and the embedded engine's
     * versions of those ports step aside (no two beans of one port).
     */
    @Test
    void camunda8ReadsHistoryIncidentsAndOpenTasksFromTheCluster() {
        WireMockServer cluster = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        cluster.start();
        try {
            cluster.stubFor(WireMock.post("/v2/deployments")
                    .willReturn(WireMock.okJson(
                            "{\"deploymentKey\":\"1\",\"tenantId\":\"<default>\",\"deployments\":[]}")));
            cluster.stubFor(WireMock.post("/v2/jobs/activation").willReturn(WireMock.okJson("{\"jobs\":[]}")));
            camunda8(
                            runner.withUserConfiguration(EnginePorts.class)
                                    // the sample LMS, for the completion poll on the cluster
                                    .withBean(
                                            Connections.class,
                                            () -> Connections.open(
                                                    new ConnectionSettings("sample", null, "sample", null, null),
                                                    SampleSystems::fromClasspath,
                                                    name -> null,
                                                    () -> null,
                                                    Clock.systemUTC())),
                            Map.of("TRAINFLOW_CAMUNDA_REST_ADDRESS", cluster.baseUrl()))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        Camunda8Engine engine = context.getBean(Camunda8Engine.class);
                        assertThat(context.getBean(ProcessHistoryPort.class)).isSameAs(engine.history());
                        assertThat(context.getBean(IncidentsPort.class)).isSameAs(engine.incidents());
                        assertThat(context.getBean(OpenTasks.class)).isSameAs(engine.openTasks());
                        assertThat(context.getBean(UserTaskPort.class)).isSameAs(engine.userTasks());
                        assertThat(context).hasSingleBean(Intake.class);
                        assertThat(context.getBean(io.trainflow.workflows.engine.ApprovalHandOver.class)
                                        .getClass()
                                        .getSimpleName())
                                .as("delegations move the cluster's tasks")
                                .isEqualTo("CamundaApprovalHandOver");
                        assertThat(context).hasSingleBean(io.trainflow.workflows.engine.MessagePort.class);
                        assertThat(context.getBean(io.trainflow.workflows.engine.JobLocksPort.class))
                                .isSameAs(engine.jobLocks());
                    });
        } finally {
            cluster.stop();
        }
    }

    @Test
    void camunda8WithoutAnAddressNamesTheMissingVariable() {
        camunda8(runner, Map.of())
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("TRAINFLOW_CAMUNDA_REST_ADDRESS"));
    }

    /** {@code trainflow.engine=camunda8} with exactly these variables as the process environment. */
    private static ApplicationContextRunner camunda8(ApplicationContextRunner runner, Map<String, Object> environment) {
        return runner.withPropertyValues("trainflow.engine=camunda8")
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .replace(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new SystemEnvironmentPropertySource(
                                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
    }

    /** The application database the adapter's cluster lease lives in (the merge gave the engine one). */
    private static DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:camunda8-selection;DB_CLOSE_DELAY=-1");
        return h2;
    }
}

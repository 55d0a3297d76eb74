package io.trainflow.plugin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A folder holding one broken and one good model: the application starts, runs the good one and says which was refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupWithBrokenModelTest {

    @Autowired
    TrainflowEngine engine;

    @Autowired
    BpmnDeployer deployer;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trainflow(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:startup-broken-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add(
                "trainflow.bpmn-dir",
                () -> Path.of("src/test/resources/startup-broken")
                        .toAbsolutePath()
                        .toString());
        registry.add("trainflow.progress-sync", () -> "PT12H");
        registry.add("trainflow.hcm-sync", () -> "PT12H");
    }

    @Test
    void startsWithTheGoodModelAndHealthNamesTheRefusedOne() throws Exception {
        RepositoryService repository = engine.flowable().getRepositoryService();
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("good")
                        .count())
                .isEqualTo(1);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("broken")
                        .count())
                .isZero();

        assertThat(deployer.refused())
                .singleElement()
                .satisfies(p -> assertThat(p.toString())
                        .startsWith("broken.bpmn [call-nobody]: task type 'no-such-type' has no handler"));

        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode())
                .as("the application serves: not a failed probe")
                .isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"PARTIAL\"");
    }
}

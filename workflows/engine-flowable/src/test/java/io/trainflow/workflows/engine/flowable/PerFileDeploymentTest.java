package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file that cannot run is refused on its own: the others deploy, its previous version keeps running. */
class PerFileDeploymentTest {

    private final Camunda8Engine c8 = new Camunda8Engine(new TestSteps.Double());
    private final RepositoryService repository = c8.flowable.getRepositoryService();

    @AfterEach
    void stop() {
        c8.close();
    }

    @Test
    void aBrokenFileIsRefusedWithFileElementAndReasonAndTheOthersDeploy() throws Exception {
        Deployments.Result result = c8.engine.deployments().deployFolderEach(Camunda8Engine.folder("deploy"));

        assertThat(result.refused()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("broken.bpmn");
            assertThat(problem.elementId()).isEqualTo("call-nobody");
            assertThat(problem.message()).contains("'no-such-type' has no handler");
        });
        assertThat(result.deployment()).isPresent();
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("broken")
                        .count())
                .isZero();
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("order-audit")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void twoProcessesStartedByTheSameMessageBothStartAsInCamunda8() throws Exception {
        c8.engine.deployments().deployFolderEach(Camunda8Engine.folder("deploy"));

        assertThat(c8.engine.messages().publish("order-placed", "O-1", Map.of("orderId", "O-1")))
                .isEqualTo(2);
        assertThat(c8.flowable
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .finished()
                        .list())
                .extracting(i -> i.getProcessDefinitionKey())
                .containsExactlyInAnyOrder("order-by-mail", "order-audit");
    }

    @Test
    void aFileBrokenByAnEditKeepsItsPreviousVersionRunning(@TempDir Path folder) throws Exception {
        Path good = folder.resolve("headers.bpmn");
        Files.copy(Path.of("src/test/resources/dialect/headers.bpmn"), good);
        Files.copy(Camunda8Engine.folder("deploy").resolve("order-audit.bpmn"), folder.resolve("order-audit.bpmn"));
        assertThat(c8.engine.deployments().deployFolderEach(folder).refused()).isEmpty();

        Files.writeString(good, Files.readString(good).replace("test-double", "test-dubble"));
        Deployments.Result edited = c8.engine.deployments().deployFolderEach(folder);

        assertThat(edited.refused())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("did you mean 'test-double'"));
        assertThat(edited.deployment())
                .as("only the refused file changed: nothing new to deploy")
                .isEmpty();
        var instance = c8.start("headers", Map.of());
        assertThat(c8.variables(instance)).containsEntry("result", 42L);
    }
}

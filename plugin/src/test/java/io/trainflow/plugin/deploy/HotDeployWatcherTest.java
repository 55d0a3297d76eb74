package io.trainflow.plugin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Saving a process file in the watched folder deploys a new version; a broken save deploys nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HotDeployWatcherTest {

    private static final Path FOLDER = copyOfBpmn();

    @Autowired
    TrainflowEngine engine;

    @DynamicPropertySource
    static void trainflow(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url", () -> "jdbc:h2:mem:hot-deploy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("trainflow.bpmn-dir", FOLDER::toString);
        registry.add("trainflow.progress-sync", () -> "PT12H");
        registry.add("trainflow.hcm-sync", () -> "PT12H");
    }

    @Test
    void anEditedProcessIsDeployedAsANewVersionAndABrokenOneIsNot() throws Exception {
        RepositoryService repository = engine.flowable().getRepositoryService();
        LongSupplier versions = () -> repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("approval-step")
                .count();
        assertThat(versions.getAsLong()).isEqualTo(1);

        Path approval = FOLDER.resolve("approval-step.bpmn");
        Files.writeString(approval, Files.readString(approval).replace("R/P2D", "R/P1D"));
        waitFor(() -> versions.getAsLong() == 2);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("approval-step")
                        .latestVersion()
                        .singleResult()
                        .getVersion())
                .isEqualTo(2);

        Files.writeString(
                approval, Files.readString(approval).replace("type=\"resolve-approver\"", "type=\"resolve-aprover\""));
        Thread.sleep(3_000);
        assertThat(versions.getAsLong())
                .as("a file lint refuses deploys nothing")
                .isEqualTo(2);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("hot deploy within 20 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static Path copyOfBpmn() {
        try {
            Path source = Path.of("..", "bpmn").toAbsolutePath().normalize();
            Path target = Files.createTempDirectory("hot-deploy");
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)"))
                        .toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void removeCopy() throws IOException {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}

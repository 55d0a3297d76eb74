package io.trainflow.workflows.lint;

import static io.trainflow.workflows.lint.LintFolder.around;
import static io.trainflow.workflows.lint.LintFolder.process;
import static io.trainflow.workflows.lint.LintFolder.serviceTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.trainflow.workflows.Sample;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint runs at deploy time: one broken file beside the project's good processes refuses the
 * whole deployment, naming file and element, and stores nothing of it, not even the good files.
 */
class DeployTimeLintTest {

    @TempDir
    Path folder;

    private TrainflowEngine engine;
    private RepositoryService repository;

    @BeforeEach
    void start() throws IOException {
        engine = TrainflowEngine.builder()
                .jdbcUrl("jdbc:h2:mem:deploy-lint-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .handlers(new HandlerRegistry(StepHandlers.all(new Sample().ports)))
                .background(false)
                .build();
        repository = engine.flowable().getRepositoryService();
        try (Stream<Path> files = Files.list(LintFolder.repositoryRoot().resolve("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)"))
                    .toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void brokenElementRefusesTheWholeFolder() throws IOException {
        Files.writeString(folder.resolve("broken.bpmn"), process(around(serviceTask("hcm-load-profil", ""))));

        LintException refused =
                catchThrowableOfType(() -> engine.deployments().deployFolder(folder), LintException.class);

        assertThat(refused.problems())
                .containsExactly(new LintProblem(
                        "broken.bpmn",
                        "x",
                        "task type 'hcm-load-profil' has no handler; did you mean 'hcm-load-profile'?"));
        assertThat(refused).hasMessageContaining("broken.bpmn [x]: task type 'hcm-load-profil' has no handler");
        assertNothingStored();
    }

    @Test
    void malformedFileIsNamed() throws IOException {
        Files.writeString(folder.resolve("broken.bpmn"), process("<bpmn:startEvent id=\"start\">"));

        LintException refused =
                catchThrowableOfType(() -> engine.deployments().deployFolder(folder), LintException.class);

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("broken.bpmn");
            assertThat(problem.message()).startsWith("not readable as BPMN 2.0 XML: ParseError at [row,col]:[");
        });
        assertNothingStored();
    }

    @Test
    void brokenDecisionTableRefusesTheWholeFolder() throws IOException {
        Path dmn = folder.resolve("approval-routing.dmn");
        Files.writeString(dmn, Files.readString(dmn).replace("<text>&gt; 1000</text>", "<text>more than 1000</text>"));

        LintException refused =
                catchThrowableOfType(() -> engine.deployments().deployFolder(folder), LintException.class);

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("approval-routing.dmn");
            assertThat(problem.message()).startsWith("DMN does not parse: ").contains("more than 1000");
        });
        assertNothingStored();
    }

    @Test
    void onceFixedTheSameFolderDeploysEveryProcess() throws IOException {
        Path broken = folder.resolve("broken.bpmn");
        Files.writeString(broken, process(around(serviceTask("hcm-load-profil", ""))));
        catchThrowableOfType(() -> engine.deployments().deployFolder(folder), LintException.class);

        Files.writeString(broken, process(around(serviceTask("hcm-load-profile", ""))));

        assertThat(engine.deployments().deployFolder(folder)).isPresent();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
        assertThat(repository.createProcessDefinitionQuery().list())
                .extracting(d -> d.getKey())
                .containsExactlyInAnyOrder(
                        "p",
                        "approval-step",
                        "training-request",
                        "training-delivery",
                        "training-evaluation",
                        "training-programme",
                        "training-cohort",
                        "quiz-review");
    }

    private void assertNothingStored() {
        assertThat(repository.createDeploymentQuery().count()).as("deployments").isZero();
        assertThat(repository.createProcessDefinitionQuery().count())
                .as("process definitions")
                .isZero();
    }
}

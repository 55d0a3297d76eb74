package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploying changed processes makes a new version for new requests; running ones keep theirs. */
class HotDeployTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @TempDir
    Path bpmn;

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void aChangedTimerIsANewVersionWhileARunningApprovalKeepsItsOwn() throws IOException {
        String before = life.request("alice.martin", "1004", "Automate reports", List.of());
        copyProcessesWithDailyReminders();
        life.advance(Duration.ofMinutes(1));

        assertThat(life.engine().deployments().deployFolder(bpmn)).isPresent();

        ProcessDefinition latest = life.flowable()
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("approval-step")
                .latestVersion()
                .singleResult();
        assertThat(latest.getVersion()).isEqualTo(2);
        assertThat(approvalDefinitionOf(before).getVersion()).isEqualTo(1);

        String after = life.request("camille.blanc", "1012", "Sell better", List.of());
        assertThat(approvalDefinitionOf(after).getId()).isEqualTo(latest.getId());

        life.advance(Duration.ofDays(1));
        assertThat(life.messagesTo("nicolas.faure"))
                .as("new version: reminded daily")
                .hasSize(1);
        assertThat(life.messagesTo("sophie.laurent"))
                .as("old version: every 2 days")
                .isEmpty();
        life.advance(Duration.ofDays(1));
        assertThat(life.messagesTo("sophie.laurent")).hasSize(1);
    }

    @Test
    void deployingUnchangedFilesDeploysNothing() throws IOException {
        // deployments happen at different times (with a frozen clock Flowable cannot tell which is the latest)
        life.advance(Duration.ofMinutes(1));
        assertThat(life.engine().deployments().deployFolder(SampleLifecycle.bpmnFolder()))
                .isEmpty();
        copyProcessesWithDailyReminders();
        assertThat(life.engine().deployments().deployFolder(bpmn)).isPresent();
        life.advance(Duration.ofMinutes(1));
        assertThat(life.engine().deployments().deployFolder(bpmn)).isEmpty();
        assertThat(life.flowable()
                        .getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("approval-step")
                        .count())
                .isEqualTo(2);
    }

    private void copyProcessesWithDailyReminders() throws IOException {
        try (Stream<Path> files = Files.list(SampleLifecycle.bpmnFolder())) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)"))
                    .toList()) {
                Files.copy(file, bpmn.resolve(file.getFileName()));
            }
        }
        Path approval = bpmn.resolve("approval-step.bpmn");
        String xml = Files.readString(approval);
        assertThat(xml).contains(">R/P2D<");
        Files.writeString(approval, xml.replace(">R/P2D<", ">R/P1D<"));
    }

    private ProcessDefinition approvalDefinitionOf(String request) {
        String root = life.root(request).getId();
        String definitionId = life.flowable()
                .getRuntimeService()
                .createProcessInstanceQuery()
                .superProcessInstanceId(root)
                .singleResult()
                .getProcessDefinitionId();
        return life.flowable().getRepositoryService().getProcessDefinition(definitionId);
    }
}

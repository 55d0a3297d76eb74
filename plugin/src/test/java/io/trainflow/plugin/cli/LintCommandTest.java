package io.trainflow.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trainflow lint}: exit 0 on the project's processes, 1 with the problem printed on a broken file. */
class LintCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureOut() {
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOut() {
        System.setOut(original);
    }

    @Test
    void projectProcessesLintClean() {
        int exit = new CommandLine(new TrainflowCommand())
                .execute("lint", bpmnFolder().toString());

        assertThat(exit).as(printed()).isZero();
        assertThat(printed()).contains("lint: no problems");
    }

    @Test
    void brokenFileExitsOneAndSaysWhereAndWhy(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.bpmn");
        Files.writeString(broken, """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://trainflow.io/test">
                  <bpmn:process id="broken" isExecutable="true">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="to-notify" sourceRef="start" targetRef="notify" />
                    <bpmn:serviceTask id="notify">
                      <bpmn:extensionElements><zeebe:taskDefinition type="send-notifcation" /></bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="to-end" sourceRef="notify" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """);

        int exit = new CommandLine(new TrainflowCommand()).execute("lint", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(printed())
                .contains(broken + " [notify]: task type 'send-notifcation' has no handler;"
                        + " did you mean 'send-notification'?")
                .contains("lint: 1 problem(s)");
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Path bpmnFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("bpmn"))) {
                return dir.resolve("bpmn");
            }
        }
        throw new IllegalStateException(
                "No folder with pom.xml and bpmn/ above " + Path.of("").toAbsolutePath());
    }
}

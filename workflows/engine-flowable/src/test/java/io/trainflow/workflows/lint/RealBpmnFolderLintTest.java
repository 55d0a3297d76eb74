package io.trainflow.workflows.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.Sample;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.feel.Feel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The project's own processes, with the real handlers, lint clean as a folder and file by file. */
class RealBpmnFolderLintTest {

    private final Path bpmn = LintFolder.repositoryRoot().resolve("bpmn");
    private final BpmnLinter linter =
            new BpmnLinter(new HandlerRegistry(StepHandlers.all(new Sample().ports)).types(), new Feel());

    @Test
    void wholeFolderLintsClean() throws IOException {
        assertThat(linter.lintPath(bpmn)).isEmpty();
    }

    @Test
    void eachFileLintedAloneLintsClean() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(bpmn)) {
            files = list.filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : files) {
            assertThat(linter.lintPath(file)).as(file.getFileName().toString()).isEmpty();
        }
    }
}

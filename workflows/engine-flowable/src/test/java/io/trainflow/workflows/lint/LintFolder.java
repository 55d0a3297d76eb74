package io.trainflow.workflows.lint;

import io.trainflow.workflows.feel.Feel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A temporary folder of Zeebe-dialect files, linted as {@code trainflow lint <folder>} lints,
 * with a few known task types; and the smallest BPMN documents that hold one broken element.
 */
final class LintFolder {

    static final Set<String> TASK_TYPES = Set.of("hcm-load-profile", "send-notification", "resolve-approver");

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                              id="definitions" targetNamespace="http://trainflow.io/test">
            """;

    private final Path dir;
    private final BpmnLinter linter = new BpmnLinter(TASK_TYPES, new Feel());

    LintFolder(Path dir) {
        this.dir = dir;
    }

    LintFolder write(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The whole folder, as {@code trainflow lint <folder>}. */
    List<LintProblem> lint() {
        try {
            return linter.lintPath(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file of the folder, as {@code trainflow lint <folder>/<name>}. */
    List<LintProblem> lint(String name) {
        try {
            return linter.lintPath(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How lint names a file of this folder. */
    String file(String name) {
        return dir.resolve(name).toString();
    }

    LintProblem problem(String name, String elementId, String message) {
        return new LintProblem(file(name), elementId, message);
    }

    /** A BPMN document: the given content inside bpmn:definitions. */
    static String definitions(String content) {
        return HEAD + content + "\n</bpmn:definitions>\n";
    }

    /** An executable process {@code p} with the given body. */
    static String process(String body) {
        return process(body, "");
    }

    /** An executable process {@code p} with the given body, then more definitions (messages, signals). */
    static String process(String body, String after) {
        return definitions("<bpmn:process id=\"p\" isExecutable=\"true\">\n" + body + "\n</bpmn:process>\n" + after);
    }

    /** start -> the element with id {@code x} -> end. */
    static String around(String element) {
        return """
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="to-x" sourceRef="start" targetRef="x" />
                """ + element + """

                <bpmn:sequenceFlow id="from-x" sourceRef="x" targetRef="end" />
                <bpmn:endEvent id="end" />
                """;
    }

    /** A service task {@code x} of a known type with the given zeebe:ioMapping content. */
    static String serviceTask(String type, String ioMapping) {
        return """
                <bpmn:serviceTask id="x">
                  <bpmn:extensionElements>
                    <zeebe:taskDefinition type="%s" />
                    <zeebe:ioMapping>%s</zeebe:ioMapping>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                """.formatted(type, ioMapping);
    }

    /** The folder with pom.xml and bpmn/ above the working directory: the repository root. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("bpmn"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No folder with pom.xml and bpmn/ above " + Path.of("").toAbsolutePath());
    }
}

package io.trainflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The thin CLI offers every command, and hands the server-side ones to the server jar with their arguments. */
class TrainflowCliTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheRestCommandsAndTheOnesThatRunInTheServerJar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CommandLine(new TrainflowCli())
                .setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8))
                .execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "tasks",
                        "complete",
                        "request",
                        "campaign",
                        "status",
                        "incidents",
                        "retry",
                        "quiz-files",
                        "lint",
                        "check-connections",
                        "hcm-consent",
                        "serve");
    }

    @Test
    void theServerJarsOwnCommandLineOffersTheSameRestCommands() {
        CommandLine thin = new CommandLine(new TrainflowCli());
        assertThat(TrainflowCli.API_COMMANDS)
                .allSatisfy(command -> assertThat(thin.getSubcommands())
                        .containsKey(
                                command.getAnnotation(CommandLine.Command.class).name()));
    }

    @Test
    void aServerSideCommandRunsTheServerJarWithItsArguments() throws Exception {
        Path jar = standInServerJar();

        int exit = ServerJar.locate(Map.of("TRAINFLOW_JAR", jar.toString())::get)
                .run("lint", List.of("bpmn/", "--strict"));

        assertThat(exit)
                .as("the stand-in exits with its argument count: lint bpmn/ --strict")
                .isEqualTo(3);
    }

    @Test
    void withoutAServerJarItSaysHowToGetOne() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = ServerJar.locate(
                            Map.of("TRAINFLOW_JAR", dir.resolve("none.jar").toString())::get)
                    .run("check-connections", List.of());
            assertThat(exit).isEqualTo(2);
        } finally {
            System.setErr(previous);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.jar", "TRAINFLOW_JAR", "mvn");
    }

    private Path standInServerJar() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ExitWithArgCount.class.getName());
        Path jar = dir.resolve("trainflow.jar");
        String entry = ExitWithArgCount.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                var clazz = ExitWithArgCount.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            clazz.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}

package io.trainflow.tests.addon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built server jar and its Camunda 8 add-on ({@code plugin/target/addons/camunda8}) as an operator gets them:
 * the jar holds none of the add-on's libraries and no Camunda class; {@code TRAINFLOW_ENGINE=camunda8} without the
 * add-on stops at once naming it; with the add-on on {@code loader.path} the adapter runs (and, with no cluster
 * listening, stops naming its settings).
 */
class Camunda8AddOnJarTest {

    private static final Path JAR = Path.of(System.getProperty("trainflow.jar", "../plugin/target/trainflow.jar"));
    private static final Path ADD_ON = JAR.resolveSibling("addons/camunda8");

    @TempDir
    Path dir;

    @Test
    void theServerJarHoldsNoneOfTheAddOn() throws IOException {
        Set<String> addOn;
        try (Stream<Path> files = Files.list(ADD_ON)) {
            addOn = files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(addOn).anyMatch(n -> n.startsWith("trainflow-engine-camunda-"));
        assertThat(addOn).anyMatch(n -> n.startsWith("camunda-client-java-"));
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            List<String> entries = jar.stream().map(ZipEntry::getName).toList();
            assertThat(entries)
                    .filteredOn(e -> e.startsWith("BOOT-INF/lib/"))
                    .map(e -> e.substring("BOOT-INF/lib/".length()))
                    .isNotEmpty()
                    .doesNotContainAnyElementsOf(addOn);
            assertThat(entries)
                    .noneMatch(e -> e.contains("io/camunda/client/") || e.contains("io/trainflow/engine/camunda/"));
        }
    }

    @Test
    void camunda8WithoutTheAddOnStopsNamingIt() throws Exception {
        Run run = start(Map.of("TRAINFLOW_ENGINE", "camunda8"));

        assertThat(run.exit).isNotZero();
        assertThat(run.output)
                .contains("APPLICATION FAILED TO START")
                .contains("trainflow.engine=camunda8 needs the Camunda 8 add-on")
                .contains("-Dloader.path=plugin/target/addons/camunda8");
    }

    @Test
    void camunda8WithTheAddOnOnLoaderPathRunsTheAdapter() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run run = start(
                Map.of(
                        "TRAINFLOW_ENGINE",
                        "camunda8",
                        "TRAINFLOW_CAMUNDA_REST_ADDRESS",
                        "http://127.0.0.1:" + closed,
                        "TRAINFLOW_BPMN_DIR",
                        Path.of("../bpmn").toAbsolutePath().normalize().toString()),
                "-Dloader.path=" + ADD_ON.toAbsolutePath());

        assertThat(run.exit).isNotZero();
        assertThat(run.output)
                .doesNotContain("needs the Camunda 8 add-on")
                .contains("Deploying the models to the Camunda 8 cluster failed (check TRAINFLOW_CAMUNDA_*)");
    }

    private record Run(int exit, String output) {}

    private Run start(Map<String, String> env, String... jvm) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvm));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "--server.port=0"));
        Path log = dir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("TRAINFLOW_DEMO_PASSWORD", "add-on-test");
        builder.environment().putAll(env);
        Process process = builder.start();
        // a start that fails ends by itself; on a loaded machine a whole start may take minutes
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the server neither stopped nor failed in 10 minutes: " + log);
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}

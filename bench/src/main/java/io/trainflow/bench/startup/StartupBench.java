package io.trainflow.bench.startup;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Start-up of the application to ready: {@code java -jar plugin/target/trainflow.jar} in an
 * empty working directory (its H2 file goes there), polled on /actuator/health until it answers
 * UP. The first start creates the database; the second starts on it.
 */
public final class StartupBench {

    public record Result(double firstMillis, double secondMillis) {}

    private StartupBench() {}

    public static Result run(Path repo, Path work) throws Exception {
        Path jar = repo.resolve("plugin/target/trainflow.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the plugin first (see docs/BENCHMARKS.md)");
        }
        Path dir = Files.createDirectories(work.resolve("startup"));
        double first = startOnce(jar, repo.resolve("bpmn"), dir);
        double second = startOnce(jar, repo.resolve("bpmn"), dir);
        return new Result(first, second);
    }

    private static double startOnce(Path jar, Path bpmn, Path dir) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toAbsolutePath().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app-" + port + ".log").toFile());
        builder.environment().put("TRAINFLOW_DEMO_PASSWORD", "x");
        builder.environment().put("TRAINFLOW_BPMN_DIR", bpmn.toAbsolutePath().toString());
        builder.environment().put("TRAINFLOW_PORT", String.valueOf(port));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long start = System.nanoTime();
        Process app = builder.start();
        try {
            while (System.nanoTime() - start < Duration.ofMinutes(3).toNanos()) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("the application exited with " + app.exitValue() + "; see " + dir);
                }
                try {
                    HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                        return (System.nanoTime() - start) / 1e6;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("not UP after 3 minutes; see " + dir);
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.trainflow.bench.durability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Kills the application jar (SIGKILL) during a campaign's fan-out over the sample's sales department and measures,
 * after the restart, the time to the first step that runs again: JVM start to HTTP ready, and ready to the first
 * step completed ({@code Step … ran}, the job worker's DEBUG line).
 */
final class RestartBench {

    private static final String PASSWORD = "bench";
    private static final Pattern STEP_RAN = Pattern.compile("Step \\S+ \\(\\S+\\) ran$");
    private static final Pattern FAN_OUT = Pattern.compile("Step \\S+ \\(analyse-needs\\) ran$");

    private RestartBench() {}

    static String run(Path jar, Path dir, int kills) throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringBuilder out = new StringBuilder("| kill | killed after | restart: JVM start to HTTP ready |"
                + " restart: JVM start to first resumed step |\n|---|---|---:|---:|\n");
        Run running = Run.start(jar, dir, port);
        running.awaitReady();
        for (int kill = 1; kill <= kills; kill++) {
            running.killAfter(FAN_OUT, 2);
            post(port, "zoe.vincent", "/api/campaigns", "{\"department\":\"sales\"}");
            if (!running.killed.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the campaign's fan-out was not reached");
            }
            running.process.waitFor();
            running = Run.start(jar, dir, port);
            long started = running.spawned;
            running.awaitReady();
            long ready = running.ready.get();
            long firstStep = running.awaitFirstStep();
            out.append(String.format(
                    "| %d | 2nd needs analysis of the campaign | %.1f s | %.1f s |%n",
                    kill, (ready - started) / 1e9, (firstStep - started) / 1e9));
        }
        running.process.destroy();
        running.process.waitFor(60, TimeUnit.SECONDS);
        return out.toString();
    }

    private static void post(int port, String user, String path, String json) throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setRequestProperty(
                "Authorization",
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        c.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        if (c.getResponseCode() != 201) {
            throw new IllegalStateException(path + " answered " + c.getResponseCode());
        }
    }

    /** One run of the jar, its log read line by line. */
    private static final class Run {
        final Process process;
        final long spawned = System.nanoTime();
        final AtomicLong ready = new AtomicLong();
        final AtomicLong firstStep = new AtomicLong();
        final CountDownLatch killed = new CountDownLatch(1);
        volatile Pattern killOn;
        volatile int killLeft;
        final int port;

        private Run(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Run start(Path jar, Path dir, int port) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            java,
                            "-Xmx1g",
                            "-jar",
                            jar.toString(),
                            "--logging.level.io.trainflow.workflows.engine.flowable.JobWorker=DEBUG"))
                    .directory(dir.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("TRAINFLOW_PORT", String.valueOf(port));
            builder.environment().put("TRAINFLOW_DEMO_PASSWORD", PASSWORD);
            Run run = new Run(builder.start(), port);
            Thread reader = new Thread(run::read, "bench-app-log");
            reader.setDaemon(true);
            reader.start();
            return run;
        }

        private void read() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (STEP_RAN.matcher(line).find()) {
                        firstStep.compareAndSet(0, System.nanoTime());
                    }
                    Pattern trigger = killOn;
                    if (trigger != null && trigger.matcher(line).find() && --killLeft <= 0) {
                        killOn = null;
                        process.destroyForcibly();
                        killed.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        void killAfter(Pattern line, int occurrence) {
            killLeft = occurrence;
            killOn = line;
        }

        void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < deadline) {
                try {
                    HttpURLConnection c =
                            (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/actuator/health")
                                    .toURL()
                                    .openConnection();
                    c.setConnectTimeout(500);
                    if (c.getResponseCode() == 200) {
                        ready.compareAndSet(0, System.nanoTime());
                        return;
                    }
                } catch (IOException e) {
                    // not yet
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("the application did not start within 300 s");
        }

        long awaitFirstStep() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (firstStep.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (firstStep.get() == 0) {
                throw new IllegalStateException("no step ran within 300 s of the restart");
            }
            return firstStep.get();
        }
    }
}

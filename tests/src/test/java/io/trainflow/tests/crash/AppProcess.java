package io.trainflow.tests.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real application jar in a JVM of its own, in its own working directory (so its own ./data H2 file), on a
 * free port. Its output is read line by line: a kill point armed on a log line kills it (SIGKILL) the moment
 * the line appears.
 */
final class AppProcess implements AutoCloseable {

    static final String PASSWORD = "crash-harness";
    private static final long START_SECONDS = Long.getLong("crash.start-seconds", 600);

    private final Path jar;
    private final Path dir;
    private final Map<String, String> env;
    private final int port;
    private final List<Path> logs = new ArrayList<>();
    private final List<String> current = new CopyOnWriteArrayList<>();
    private Process process;
    private volatile Predicate<String> armed;
    private volatile boolean killed;
    private Random jitter;
    private int jitterMillis;
    /** Bumped by {@link #disarm()}: a kill still waiting for its moment is then dropped. */
    private int generation;

    AppProcess(Path jar, Path dir, Map<String, String> env) throws IOException {
        this.jar = jar;
        this.dir = dir;
        this.env = env;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path dir() {
        return dir;
    }

    /** Starts the jar and waits until it answers HTTP. */
    void start() throws IOException, InterruptedException {
        Path log = dir.resolve("run-" + (logs.size() + 1) + ".log");
        logs.add(log);
        current.clear();
        killed = false;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx1g",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString(),
                "--logging.level.io.trainflow.workflows.engine.flowable.JobWorker=DEBUG",
                "--trainflow.progress-sync=PT5S"));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("TRAINFLOW_PORT", String.valueOf(port));
        builder.environment().put("TRAINFLOW_DEMO_PASSWORD", PASSWORD);
        builder.environment().putAll(env);
        process = builder.start();
        Process started = process;
        Thread reader = new Thread(() -> read(started, log), "app-log-" + logs.size());
        reader.setDaemon(true);
        reader.start();
        // a safety net against a hang, not a goal: on a machine shared by several builds a start took over 4 minutes
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (!answers()) {
            if (!started.isAlive()) {
                throw new IllegalStateException("Trainflow exited while starting; log " + log + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Trainflow did not start within " + START_SECONDS + " s; log " + log + ":\n" + tail());
            }
            Thread.sleep(250);
        }
    }

    private void read(Process p, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                current.add(line);
                out.println(line);
                out.flush();
                Predicate<String> trigger = armed;
                if (trigger != null && trigger.test(line)) {
                    kill();
                }
            }
        } catch (IOException e) {
            // the process died: its output ends
        }
    }

    private boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection)
                    URI.create(baseUrl() + "/actuator/health").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills the JVM (SIGKILL) at the first log line {@code trigger} accepts. */
    void killWhen(Predicate<String> trigger) {
        armed = trigger;
    }

    boolean armed() {
        return armed != null;
    }

    synchronized void disarm() {
        armed = null;
        generation++;
    }

    /** Kills after a random 0..maxMillis (the long randomised run), or now when {@code random} is null. */
    void jitter(Random random, int maxMillis) {
        this.jitter = random;
        this.jitterMillis = maxMillis;
    }

    /** SIGKILL at a kill point: now, or a random moment later when a jitter is set. */
    synchronized void kill() {
        if (jitter == null) {
            killNow();
            return;
        }
        armed = null; // one kill per kill point
        Process target = process;
        int armedIn = generation;
        int delay = jitter.nextInt(jitterMillis + 1);
        Thread later = new Thread(
                () -> {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    synchronized (this) {
                        if (process == target && generation == armedIn) {
                            killNow();
                        }
                    }
                },
                "kill-in-" + delay + "ms");
        later.setDaemon(true);
        later.start();
    }

    /** SIGKILL, now. */
    synchronized void killNow() {
        armed = null;
        if (process != null && process.isAlive()) {
            killed = true;
            process.destroyForcibly();
        }
    }

    boolean killed() {
        return killed;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    void awaitDeath() throws InterruptedException {
        if (process != null && !process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed process is still alive");
        }
    }

    /** SIGTERM and wait: returns the log lines of this run. */
    List<String> stop(Duration within) throws InterruptedException {
        // through the handle: Process.destroy() also closes our end of its output, losing the stop's log lines
        process.toHandle().destroy();
        if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Trainflow did not stop within " + within + " after SIGTERM:\n" + tail());
        }
        Thread.sleep(500); // the reader drains the last lines
        return List.copyOf(current);
    }

    List<String> lines() {
        return List.copyOf(current);
    }

    String tail() {
        List<String> lines = lines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    int runs() {
        return logs.size();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

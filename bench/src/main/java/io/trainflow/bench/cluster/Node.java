package io.trainflow.bench.cluster;

import io.trainflow.bench.measure.Cpu;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Trainflow node: the application jar in a JVM of its own, its log in a file, its CPU read from /proc. */
final class Node implements AutoCloseable {

    static final String PASSWORD = "bench";

    final String id;
    final int port;
    private final Process process;
    private final long spawned = System.nanoTime();
    private double lastCpu;

    private Node(String id, int port, Process process) {
        this.id = id;
        this.port = port;
        this.process = process;
    }

    static Node start(Path jar, Path dir, String id, Map<String, String> env) throws IOException {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx1g", "-jar", jar.toString()))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("TRAINFLOW_PORT", String.valueOf(port));
        builder.environment().put("TRAINFLOW_DEMO_PASSWORD", PASSWORD);
        builder.environment().put("TRAINFLOW_NODE_ID", id);
        return new Node(id, port, builder.start());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits for HTTP; returns the seconds from spawning the JVM. */
    double awaitReady(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(id + " exited while starting, see its node.log");
            }
            try {
                HttpURLConnection c = (HttpURLConnection)
                        URI.create(baseUrl() + "/actuator/health").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return (System.nanoTime() - spawned) / 1e9;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(id + " did not start within " + seconds + " s");
    }

    /** CPU seconds so far; after a kill, what it had used when last read before it. */
    double cpu() {
        if (process.isAlive()) {
            lastCpu = Cpu.secondsOf(process.pid(), false);
        }
        return lastCpu;
    }

    /** SIGKILL, after a last CPU reading. */
    void kill() throws InterruptedException {
        cpu();
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.toHandle().destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

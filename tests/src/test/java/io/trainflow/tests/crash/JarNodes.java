package io.trainflow.tests.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Trainflow jars (the real application, a JVM each) started together on one database, for tests outside this package
 * that drive them over HTTP: sign in as any sample person with {@link #PASSWORD}.
 */
public final class JarNodes implements AutoCloseable {

    public static final String PASSWORD = AppProcess.PASSWORD;
    private static final Path JAR = Path.of(System.getProperty("trainflow.jar", "../plugin/target/trainflow.jar"));

    private final List<AppProcess> nodes;

    private JarNodes(List<AppProcess> nodes) {
        this.nodes = nodes;
    }

    /**
     * {@code count} nodes under {@code dir}, each with its own node id and the environment {@code env} (e.g. the
     * database URL; without one each node has its own H2 file); returns once every node answers HTTP.
     */
    public static JarNodes start(Path dir, int count, Map<String, String> env) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("No " + JAR.toAbsolutePath() + ": build the application jar first"
                    + " (mvn package, or -am with the tests module)");
        }
        List<AppProcess> nodes = new ArrayList<>();
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "node-" + (char) ('a' + i);
            Map<String, String> nodeEnv = new HashMap<>(env);
            nodeEnv.put("TRAINFLOW_NODE_ID", id);
            AppProcess node = new AppProcess(JAR.toAbsolutePath(), Files.createDirectories(dir.resolve(id)), nodeEnv);
            nodes.add(node);
            started.add(CompletableFuture.runAsync(() -> {
                try {
                    node.start();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        JarNodes all = new JarNodes(nodes);
        try {
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            all.close();
            throw e;
        }
        return all;
    }

    public List<String> baseUrls() {
        return nodes.stream().map(AppProcess::baseUrl).toList();
    }

    /** The last log lines of every node, to explain a failure. */
    public String tails() {
        StringBuilder text = new StringBuilder();
        for (AppProcess node : nodes) {
            text.append("--- ")
                    .append(node.dir())
                    .append('\n')
                    .append(node.tail())
                    .append('\n');
        }
        return text.toString();
    }

    /** SIGTERM to every node, then waits for each. */
    @Override
    public void close() {
        for (AppProcess node : nodes) {
            if (node.alive()) {
                try {
                    node.stop(Duration.ofSeconds(60));
                } catch (Exception | AssertionError e) {
                    node.close();
                }
            }
            node.close();
        }
    }
}

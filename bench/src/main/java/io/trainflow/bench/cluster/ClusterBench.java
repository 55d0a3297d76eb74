package io.trainflow.bench.cluster;

import io.trainflow.bench.measure.Cpu;
import io.trainflow.tests.PostgresServer;
import io.trainflow.tests.org.SyntheticOrganisation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 15's benchmark, in one run on loopback: a campaign over a generated department of N people (the bench's
 * {@link SyntheticOrganisation}, through {@code TRAINFLOW_SAMPLE_DIR}) on 1, 2 and 3 Trainflow nodes (the real jar,
 * one JVM each) against one private PostgreSQL, from the campaign's start to an approval task for every employee;
 * then the same on 3 nodes with one killed (SIGKILL) a third of the way through, for the failover time. CPU is read
 * per node and for PostgreSQL from /proc, so CPU per request holds when the machine is shared. From the repository
 * root, after {@code mvn -B -o -q package -DskipTests -pl bench,plugin -am}: {@code java -cp
 * bench/target/trainflow-bench.jar io.trainflow.bench.cluster.ClusterBench [--people N] [--nodes 1,2,3]
 * [--skip-failover]}. Results go to stdout and bench/target/cluster-results.md.
 */
public final class ClusterBench {

    /** Short claims, as in the tests, so a failover takes seconds, not the default minutes. */
    private static final Map<String, String> LOCKS = Map.of(
            "TRAINFLOW_LOCKS_STEP", "PT20S", "TRAINFLOW_LOCKS_CONTINUATION", "PT20S", "TRAINFLOW_LOCKS_TIMER", "PT20S");

    private ClusterBench() {}

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int people = Integer.parseInt(option(a, "--people", "1000"));
        List<Integer> sizes = Arrays.stream(option(a, "--nodes", "1,2,3").split(","))
                .map(Integer::parseInt)
                .toList();
        Path jar = Path.of("plugin/target/trainflow.jar").toAbsolutePath();
        Path work = Files.createTempDirectory("trainflow-cluster-bench");
        Path org = work.resolve("org");
        SyntheticOrganisation.write(org, people);
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "%d people, %d CPUs, Java %s; load average before: %s%n%n",
                people, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load()));
        out.append("| nodes | intake (campaign start to every approval task) | requests/s | node CPU-s per request"
                + " | PostgreSQL CPU-s per request | CPU-s per node | nodes ready after | failover | load during |\n");
        out.append("|---:|---:|---:|---:|---:|---|---:|---|---|\n");
        for (int n : sizes) {
            System.err.println("== " + n + " node(s)");
            out.append(run(jar, work.resolve(n + "-nodes"), org, people, n, false))
                    .append('\n');
        }
        if (!a.contains("--skip-failover")) {
            System.err.println("== 3 nodes, one killed");
            out.append(run(jar, work.resolve("failover"), org, people, 3, true)).append('\n');
        }
        System.out.println(out);
        Path report = Path.of("bench/target/cluster-results.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out.toString());
    }

    private static String run(Path jar, Path dir, Path org, int people, int size, boolean kill) throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            Map<String, String> env = new HashMap<>(LOCKS);
            env.put("TRAINFLOW_DB_URL", postgres.jdbcUrl());
            env.put("TRAINFLOW_DB_USER", "postgres");
            env.put("TRAINFLOW_SAMPLE_DIR", org.toString());
            List<Node> nodes = new ArrayList<>();
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
                for (int i = 1; i <= size; i++) {
                    nodes.add(Node.start(jar, dir.resolve("node-" + i), "node-" + i, env));
                }
                double ready = 0;
                for (Node node : nodes) {
                    ready = Math.max(ready, node.awaitReady(900));
                }
                double[] before = nodes.stream().mapToDouble(Node::cpu).toArray();
                double pgBefore = Cpu.secondsOf(postgres.pid(), true);
                String loadBefore = load();
                long start = System.nanoTime();
                campaign(nodes.get(0));
                Node victim = kill ? nodes.get(size - 1) : null;
                long killedAt = 0;
                double takeover = Double.NaN;
                long deadline = start + TimeUnit.MINUTES.toNanos(10 + people / 50);
                int approvals;
                while ((approvals = count(db, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'approve'"))
                        < people) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                size + " node(s): only " + approvals + " of " + people + " approval tasks");
                    }
                    if (victim != null && killedAt == 0 && approvals >= people / 3) {
                        victim.kill();
                        killedAt = System.nanoTime();
                    }
                    if (killedAt != 0
                            && Double.isNaN(takeover)
                            && count(
                                            db,
                                            "SELECT (SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ = '"
                                                    + victim.id
                                                    + "') + (SELECT COUNT(*) FROM ACT_RU_EXTERNAL_JOB"
                                                    + " WHERE LOCK_OWNER_ = '" + victim.id + "')")
                                    == 0) {
                        takeover = (System.nanoTime() - killedAt) / 1e9;
                    }
                    nodes.forEach(Node::cpu);
                    Thread.sleep(250);
                }
                long done = System.nanoTime();
                double seconds = (done - start) / 1e9;
                double[] used = new double[size];
                double total = 0;
                for (int i = 0; i < size; i++) {
                    used[i] = nodes.get(i).cpu() - before[i];
                    total += used[i];
                }
                double pg = Cpu.secondsOf(postgres.pid(), true) - pgBefore;
                StringBuilder perNode = new StringBuilder();
                for (double u : used) {
                    perNode.append(perNode.isEmpty() ? "" : " / ").append(String.format("%.0f", u));
                }
                String failover = killedAt == 0
                        ? "—"
                        : String.format(
                                "node-%d killed at %d approvals; its claims taken over %.1f s after, intake done %.1f s"
                                        + " after",
                                size, people / 3, takeover, (done - killedAt) / 1e9);
                return String.format(
                        "| %d | %.1f s | %.1f | %.3f | %.3f | %s | %.0f s | %s | %s → %s |",
                        size,
                        seconds,
                        people / seconds,
                        total / people,
                        pg / people,
                        perNode,
                        ready,
                        failover,
                        loadBefore,
                        load());
            } finally {
                for (Node node : nodes) {
                    node.close();
                }
            }
        }
    }

    private static void campaign(Node node) throws Exception {
        String auth = Base64.getEncoder()
                .encodeToString(
                        (SyntheticOrganisation.CAMPAIGN_OWNER + ":" + Node.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/campaigns"))
                                .header("Authorization", "Basic " + auth)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"department\":\"" + SyntheticOrganisation.DEPARTMENT + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("the campaign was refused: " + answer.statusCode() + " " + answer.body());
        }
    }

    private static int count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String load() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}

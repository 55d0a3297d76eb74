package io.trainflow.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.tests.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Trainflow nodes (the real jar, two JVMs) on one PostgreSQL: they start together and deploy bpmn/ once, share a
 * department campaign, and when one is killed with SIGKILL in the middle of it, the other finishes what the dead
 * node held once its locks run out: every employee gets exactly one request, nothing becomes an incident.
 */
class ClusterFailoverTest {

    private static final Path JAR = Path.of(System.getProperty("trainflow.jar", "../plugin/target/trainflow.jar"));
    private static final Pattern STEP_LINE = Pattern.compile("Step \\S+ \\(\\S+\\) runs$");
    /** Short claims so the survivor takes over within a test's patience (the defaults are 1, 5 and 1 minutes). */
    private static final Map<String, String> SHORT_LOCKS = Map.of(
            "TRAINFLOW_LOCKS_STEP", "PT20S", "TRAINFLOW_LOCKS_CONTINUATION", "PT20S", "TRAINFLOW_LOCKS_TIMER", "PT20S");

    @TempDir
    Path dir;

    @Test
    void theSurvivingNodeFinishesTheCampaignTheKilledNodeWasRunning() throws Exception {
        assertThat(JAR)
                .as("the application jar, built by the reactor before the tests (mvn package)")
                .exists();
        try (PostgresServer postgres = PostgresServer.start();
                AppProcess a = node(postgres, "node-a");
                AppProcess b = node(postgres, "node-b")) {
            CompletableFuture.allOf(start(a), start(b)).get(8, TimeUnit.MINUTES);
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
                assertThat(versionsAbove1(db))
                        .as("processes deployed twice by nodes starting together")
                        .isEmpty();

                Api.Answer started =
                        new Api(a.baseUrl()).post("zoe.vincent", "/api/campaigns", Map.of("department", "sales"));
                assertThat(started.status()).as(started.toString()).isEqualTo(201);
                String programme = started.body().get("businessKey").asText();
                // acknowledged: now node a dies at its next step, or anyway once the fan-out has had 20 s
                a.killWhen(line -> STEP_LINE.matcher(line).find());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!a.killed() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                boolean midStep = a.killed();
                a.killNow();
                a.awaitDeath();
                long killed = System.nanoTime();

                Map<String, Integer> requests = Map.of();
                long until = killed + TimeUnit.MINUTES.toNanos(4);
                while (System.nanoTime() < until) {
                    requests = requestsOf(db, programme);
                    if (requests.keySet().containsAll(expected(programme)) && openJobs(db) == 0) {
                        break;
                    }
                    Thread.sleep(500);
                }
                System.out.printf(
                        "cluster failover: node-a killed %s; node-b finished the campaign %.1f s later%n",
                        midStep ? "in the middle of a step" : "between steps", (System.nanoTime() - killed) / 1e9);
                assertThat(requests)
                        .as("requests of programme " + programme + " after node-a's death")
                        .containsOnlyKeys(expected(programme))
                        .allSatisfy((id, n) -> assertThat(n).isOne());
                assertThat(incidents(db)).isEmpty();
                assertThat(lockedBy(db, "node-a"))
                        .as("jobs still claimed by the dead node")
                        .isEmpty();
                assertThat(versionsAbove1(db)).isEmpty();
            }
            b.stop(Duration.ofSeconds(60));
        }
    }

    private AppProcess node(PostgresServer postgres, String id) throws Exception {
        Path home = Files.createDirectories(dir.resolve(id));
        Map<String, String> env = new HashMap<>(SHORT_LOCKS);
        env.putAll(Map.of(
                "TRAINFLOW_DB_URL", postgres.jdbcUrl(), "TRAINFLOW_DB_USER", "postgres", "TRAINFLOW_NODE_ID", id));
        return new AppProcess(JAR.toAbsolutePath(), home, env);
    }

    private static CompletableFuture<Void> start(AppProcess node) {
        return CompletableFuture.runAsync(() -> {
            try {
                node.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<String> expected(String programme) {
        return Lifecycle.SALES.stream().map(id -> programme + "-" + id).toList();
    }

    private static Map<String, Integer> requestsOf(Connection db, String programme) throws SQLException {
        Map<String, Integer> count = new HashMap<>();
        for (List<String> row : rows(
                db,
                "SELECT v.TEXT_ FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p"
                        + " ON v.PROC_INST_ID_ = p.ID_ WHERE v.NAME_ = 'requestId' AND v.PROC_INST_ID_ = v.EXECUTION_ID_"
                        + " AND p.PROC_DEF_ID_ LIKE 'training-request:%' AND v.TEXT_ LIKE '" + programme + "-%'")) {
            count.merge(row.get(0), 1, Integer::sum);
        }
        return count;
    }

    /** Async continuations and steps not yet done (timers of later phases are not counted). */
    private static int openJobs(Connection db) throws SQLException {
        return Integer.parseInt(
                        rows(db, "SELECT COUNT(*) FROM ACT_RU_JOB").get(0).get(0))
                + Integer.parseInt(rows(db, "SELECT COUNT(*) FROM ACT_RU_EXTERNAL_JOB")
                        .get(0)
                        .get(0));
    }

    private static List<List<String>> incidents(Connection db) throws SQLException {
        return rows(db, "SELECT ELEMENT_ID_, EXCEPTION_MSG_ FROM ACT_RU_DEADLETTER_JOB");
    }

    private static List<List<String>> lockedBy(Connection db, String node) throws SQLException {
        return rows(
                db,
                "SELECT ID_, LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = '" + node + "'"
                        + " UNION ALL SELECT ID_, LOCK_EXP_TIME_ FROM ACT_RU_EXTERNAL_JOB WHERE LOCK_OWNER_ = '" + node
                        + "'");
    }

    private static List<List<String>> versionsAbove1(Connection db) throws SQLException {
        return rows(db, "SELECT KEY_, MAX(VERSION_) FROM ACT_RE_PROCDEF GROUP BY KEY_ HAVING MAX(VERSION_) > 1");
    }

    private static List<List<String>> rows(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<List<String>> rows = new java.util.ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new java.util.ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getString(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}

package io.trainflow.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainflow.connectors.sample.InMemorySampleState;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.tests.PostgresServer;
import io.trainflow.tests.SampleLifecycle;
import io.trainflow.tests.moodle.SampleMoodleSite;
import io.trainflow.tests.moodle.WireMockMoodle;
import io.trainflow.tests.org.OrgData;
import io.trainflow.tests.org.SyntheticOrganisation;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Trainflow nodes (the real jar, three JVMs) on one private PostgreSQL and one Moodle, a campaign over a
 * generated department ({@code -Dcluster.people=1000} for the thousand; the default keeps {@code mvn verify}
 * within a few minutes on 2 cores). Every request is approved through the API; while the enrolments run, one node is
 * killed with SIGKILL. The two others finish: every employee has exactly one request, is enrolled in Moodle and told
 * so once, no Moodle write happened twice, no job is held past its lock time, nothing became an incident. The
 * failover time is printed, not asserted. Each node deploys from its own copy of bpmn/: starting together they make
 * one deployment, and a change rolled out to every node's folder makes one more, not one per node.
 */
class ThreeNodeCampaignTest {

    private static final Path JAR = Path.of(System.getProperty("trainflow.jar", "../plugin/target/trainflow.jar"));
    private static final int PEOPLE = Integer.getInteger("cluster.people", 120);
    private static final Pattern ENROL_RUNS = Pattern.compile("Step enrol \\(\\S+\\) runs$");
    /** Short claims so the survivors take over within a test's patience (the defaults are 1, 5 and 1 minutes). */
    private static final Map<String, String> SHORT_LOCKS = Map.of(
            "TRAINFLOW_LOCKS_STEP", "PT20S", "TRAINFLOW_LOCKS_CONTINUATION", "PT20S", "TRAINFLOW_LOCKS_TIMER", "PT20S");
    /** Patience grows with the cohort: a loaded 2-core machine runs three JVMs, PostgreSQL and Moodle at once. */
    private static final Duration PATIENCE = Duration.ofMinutes(5).plusSeconds(PEOPLE);

    @TempDir
    Path dir;

    @Test
    void twoNodesFinishTheCampaignTheThirdWasRunningWhenKilled() throws Exception {
        assertThat(JAR)
                .as("the application jar, built by the reactor before the tests (mvn package)")
                .exists();
        Path orgDir = dir.resolve("org");
        List<OrgData.Person> people = SyntheticOrganisation.write(orgDir, PEOPLE).stream()
                .filter(p -> SyntheticOrganisation.DEPARTMENT.equals(p.departmentId()))
                .toList();
        List<String> department =
                people.stream().map(OrgData.Person::employeeId).toList();
        assertThat(department).hasSize(PEOPLE);
        EngineClock clock = new EngineClock();
        clock.set(SampleLifecycle.START);
        try (WireMockMoodle moodle = WireMockMoodle.start(
                        SampleMoodleSite.of(SampleOrganisation.fromDirectory(orgDir, clock, new InMemorySampleState())),
                        0,
                        16);
                PostgresServer postgres = PostgresServer.start()) {
            MoodleLearners lms = new MoodleLearners(moodle);
            try (AppProcess a = node(postgres, lms, orgDir, "node-a");
                    AppProcess b = node(postgres, lms, orgDir, "node-b");
                    AppProcess c = node(postgres, lms, orgDir, "node-c");
                    Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
                long spawned = System.nanoTime();
                CompletableFuture.allOf(start(a), start(b), start(c)).get(15, TimeUnit.MINUTES);
                System.out.printf(
                        "three nodes: all ready %.1f s after spawning%n", (System.nanoTime() - spawned) / 1e9);
                assertThat(count(db, "SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT"))
                        .as("deployments of bpmn/ by three nodes starting together")
                        .isOne();

                Api.Answer started = new Api(a.baseUrl())
                        .post(
                                SyntheticOrganisation.CAMPAIGN_OWNER,
                                "/api/campaigns",
                                Map.of("department", SyntheticOrganisation.DEPARTMENT));
                assertThat(started.status()).as(started.toString()).isEqualTo(201);
                String programme = started.body().get("businessKey").asText();
                long campaignStart = System.nanoTime();
                await("an approval task for each of the " + PEOPLE + " employees", () -> approvals(db) >= PEOPLE);
                double intake = (System.nanoTime() - campaignStart) / 1e9;
                System.out.printf(
                        "three nodes: %d approval tasks %.1f s after the campaign started (%.1f requests/s)%n",
                        PEOPLE, intake, PEOPLE / intake);

                // node a dies at its first enrolment: Moodle is being written to, by all three nodes
                AtomicLong killedAt = new AtomicLong();
                a.killWhen(line -> ENROL_RUNS.matcher(line).find() && killedAt.compareAndSet(0, System.nanoTime()));
                List<String> approvers = approvers(db);
                // half of the approvers through node b, half through node c, at the same time
                CompletableFuture<Void> approving = CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> approveEverything(approvers, 0, new Api(b.baseUrl()))),
                        CompletableFuture.runAsync(() -> approveEverything(approvers, 1, new Api(c.baseUrl()))));
                await("node-a running an enrolment", () -> a.killed() || approving.isDone());
                boolean atEnrolment = a.killed();
                a.killNow();
                killedAt.compareAndSet(0, System.nanoTime());
                a.awaitDeath();
                await("node-a's claims taken over", () -> lockedBy(db, "node-a").isEmpty());
                double takeover = (System.nanoTime() - killedAt.get()) / 1e9;
                approving.get(2 * PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(approvals(db)).as("approval tasks left open").isZero();
                await("every employee enrolled and no step left", () -> enrolled(lms, department) && openJobs(db) == 0);
                System.out.printf(
                        "three nodes, %d people: node-a killed %s; its claims taken over %.1f s later,"
                                + " the campaign's enrolments finished %.1f s later%n",
                        PEOPLE,
                        atEnrolment ? "at its first enrolment" : "after the approvals",
                        takeover,
                        (System.nanoTime() - killedAt.get()) / 1e9);

                assertThat(requestsOf(db, programme))
                        .as("requests of programme " + programme)
                        .containsOnlyKeys(department.stream()
                                .map(id -> programme + "-" + id)
                                .toList())
                        .allSatisfy((id, n) -> assertThat(n).isOne());
                List<String> messages = lms.assertNoWriteTwice();
                for (String username :
                        people.stream().map(OrgData.Person::username).toList()) {
                    assertThat(messages.stream().filter(m -> m.startsWith(username + ": You are enrolled")))
                            .as(username + " told once that they are enrolled")
                            .hasSize(1);
                }
                assertThat(rows(db, "SELECT ELEMENT_ID_, EXCEPTION_MSG_ FROM ACT_RU_DEADLETTER_JOB"))
                        .as("incidents")
                        .isEmpty();
                assertThat(rows(
                                db,
                                "SELECT ID_, LOCK_OWNER_ FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_ < CURRENT_TIMESTAMP"
                                        + " UNION ALL SELECT ID_, LOCK_OWNER_ FROM ACT_RU_TIMER_JOB"
                                        + " WHERE LOCK_EXP_TIME_ < CURRENT_TIMESTAMP"
                                        + " UNION ALL SELECT ID_, LOCK_OWNER_ FROM ACT_RU_EXTERNAL_JOB"
                                        + " WHERE LOCK_EXP_TIME_ < CURRENT_TIMESTAMP"))
                        .as("jobs locked past their lock time")
                        .isEmpty();
                assertThat(count(db, "SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT")).isOne();

                // a changed process rolled out to both nodes' folders at once: one new deployment, not one per node
                for (AppProcess node : List.of(b, c)) {
                    Path approval = node.dir().resolve("bpmn/approval-step.bpmn");
                    String xml = Files.readString(approval);
                    assertThat(xml).contains(">R/P2D<");
                    Path changed = node.dir().resolve("approval-step.bpmn.new");
                    Files.writeString(changed, xml.replace(">R/P2D<", ">R/P1D<"));
                    Files.move(changed, approval, StandardCopyOption.ATOMIC_MOVE);
                }
                await("both nodes' hot deploy", () -> deployLines(b) >= 2 && deployLines(c) >= 2);
                assertThat(count(db, "SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT"))
                        .as("deployments after one change on two nodes")
                        .isEqualTo(2);
                b.stop(Duration.ofSeconds(90));
                c.stop(Duration.ofSeconds(90));
            }
        }
    }

    private static List<String> approvers(Connection db) throws SQLException {
        return rows(
                        db,
                        "SELECT DISTINCT ASSIGNEE_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'approve'"
                                + " AND ASSIGNEE_ IS NOT NULL")
                .stream()
                .map(r -> r.get(0))
                .toList();
    }

    /** Every open approval of every other approver (from {@code first}) completed as its assignee through one node. */
    private static void approveEverything(List<String> approvers, int first, Api api) {
        for (int i = first; i < approvers.size(); i += 2) {
            String approver = approvers.get(i);
            for (JsonNode task : api.get(approver, "/api/tasks?max=500").body()) {
                if (!"approve".equals(task.path("elementId").asText())) {
                    continue;
                }
                Api.Answer done = api.post(
                        approver,
                        "/api/tasks/" + task.get("id").asText() + "/complete",
                        Map.of("variables", Map.of("decision", "approve", "comment", "fits the role")));
                assertThat(done.status())
                        .as("approving " + task + " as " + approver)
                        .isEqualTo(204);
            }
        }
    }

    private static boolean enrolled(MoodleLearners lms, List<String> department) {
        // the journal is read once per look: every employee of the department enrolled in at least one course
        return lms.enrolledUsers() >= department.size();
    }

    /** The node's log lines of a deployment at start or on change, made or found unchanged. */
    private static long deployLines(AppProcess node) {
        return node.lines().stream()
                .filter(l ->
                        l.contains("Deployed a new version of") || l.contains("unchanged since the last deployment"))
                .count();
    }

    private AppProcess node(PostgresServer postgres, MoodleLearners lms, Path orgDir, String id) throws Exception {
        Path home = Files.createDirectories(dir.resolve(id));
        // each node its own copy of the processes, as on separate machines, watched for changes
        Path bpmn = Files.createDirectories(home.resolve("bpmn"));
        try (Stream<Path> files = Files.list(SampleLifecycle.bpmnFolder())) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)"))
                    .toList()) {
                Files.copy(file, bpmn.resolve(file.getFileName()));
            }
        }
        Map<String, String> env = new HashMap<>(SHORT_LOCKS);
        env.putAll(lms.env());
        env.putAll(Map.of(
                "TRAINFLOW_DB_URL",
                postgres.jdbcUrl(),
                "TRAINFLOW_DB_USER",
                "postgres",
                "TRAINFLOW_NODE_ID",
                id,
                "TRAINFLOW_SAMPLE_DIR",
                orgDir.toString()));
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

    private static void await(String what, Check done) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(500);
        }
    }

    /** A condition read from the database or Moodle. */
    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static int approvals(Connection db) throws SQLException {
        return count(db, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'approve'");
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

    /** Async continuations and steps not yet done (the delivery's timers are not counted). */
    private static int openJobs(Connection db) throws SQLException {
        return count(db, "SELECT COUNT(*) FROM ACT_RU_JOB") + count(db, "SELECT COUNT(*) FROM ACT_RU_EXTERNAL_JOB");
    }

    private static List<List<String>> lockedBy(Connection db, String node) throws SQLException {
        return rows(
                db,
                "SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = '" + node + "'"
                        + " UNION ALL SELECT ID_ FROM ACT_RU_EXTERNAL_JOB WHERE LOCK_OWNER_ = '" + node + "'");
    }

    private static int count(Connection db, String sql) throws SQLException {
        return Integer.parseInt(rows(db, sql).get(0).get(0));
    }

    private static List<List<String>> rows(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getString(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}

package io.trainflow.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainflow.connectors.sample.InMemorySampleState;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.tests.PostgresServer;
import io.trainflow.tests.moodle.SampleMoodleSite;
import io.trainflow.tests.moodle.WireMockMoodle;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real application (plugin/target/trainflow.jar, its own JVM, its own H2 file or PostgreSQL) with
 * SIGKILL at chosen points of the walkthrough's lifecycle, restarts it, finishes the lifecycle over HTTP and
 * checks: every acknowledged decision is there, every employee has exactly one request, every external write of
 * the sample LMS and HCM happened once, no lock outlives the run, and a SIGTERM stop logs nothing at WARN+.
 *
 * <p>{@code mvn verify} runs {@link KillPoint#BOUNDED} on H2, two points on PostgreSQL and six of
 * {@link KillPoint#MOODLE} against a WireMock Moodle. The long run:
 * {@code mvn -B -o verify -pl tests -am -Dtest=CrashHarnessTest#h2 -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcrash.kills=300 [-Dcrash.seed=7]} draws kill points at random, lifecycle after lifecycle, until that many
 * kills; {@code -Dcrash.points=all} hits every kill point of {@link KillPoint#ALL} once, lifecycle after lifecycle.
 */
class CrashHarnessTest {

    private static final Path JAR = Path.of(System.getProperty("trainflow.jar", "../plugin/target/trainflow.jar"));

    @TempDir
    Path dir;

    @Test
    void h2() throws Exception {
        int wanted = Integer.getInteger("crash.kills", 0);
        if ("all".equals(System.getProperty("crash.points"))) {
            // one kill per run: points of one phase compete, so lifecycles follow until every point was hit
            List<KillPoint> left = new ArrayList<>(KillPoint.ALL);
            for (int round = 1; !left.isEmpty(); round++) {
                KillPlan plan = lifecycle(dir.resolve("all-" + round), Map.of(), null, left, 1);
                left.removeIf(point -> !plan.unhit().contains(point.name()));
                System.out.printf("crash harness: round %d, not hit yet %s%n", round, plan.unhit());
            }
            return;
        }
        if (wanted == 0) {
            List<KillPoint> points = KillPoint.named(KillPoint.BOUNDED);
            lifecycle(dir.resolve("h2"), Map.of(), null, points, points.size() - 1);
            return;
        }
        long seed = Long.getLong("crash.seed", System.nanoTime());
        // printed first, so a failing run can be replayed with -Dcrash.seed
        System.out.printf(
                "crash harness: random run, seed %d (replay: -Dcrash.seed=%d -Dcrash.kills=%d)%n", seed, seed, wanted);
        Random random = new Random(seed);
        // optional: start no new lifecycle after this many minutes (a run that must fit a time budget)
        long minutes = Long.getLong("crash.minutes", 0);
        long until = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        int kills = 0;
        for (int round = 1; kills < wanted && (minutes == 0 || System.nanoTime() < until); round++) {
            List<KillPoint> all = new ArrayList<>(KillPoint.ALL);
            Collections.shuffle(all, random);
            List<KillPoint> points = all.subList(0, Math.min(all.size(), Math.min(8, wanted - kills)));
            // random moments too, not only the points themselves: each kill lands 0-400 ms after its point
            long jitterSeed = random.nextLong();
            // half: drawn points of one phase compete, and a kill a random moment late can pass the next one by
            kills += lifecycle(
                            dir.resolve("h2-" + round),
                            Map.of(),
                            null,
                            points,
                            Math.max(1, points.size() / 2),
                            new Random(jitterSeed),
                            new SampleLearners())
                    .hit()
                    .size();
            System.out.printf("crash harness: round %d, %d kills so far (seed %d)%n", round, kills, seed);
        }
        System.out.printf("crash harness: random run passed, %d kills, seed %d%n", kills, seed);
    }

    @Test
    void postgres() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            lifecycle(
                    dir.resolve("pg"),
                    Map.of("TRAINFLOW_DB_URL", postgres.jdbcUrl(), "TRAINFLOW_DB_USER", "postgres"),
                    postgres.jdbcUrl(),
                    KillPoint.named(List.of("after-approval", "lms-enrol-ran#1")),
                    2);
        }
    }

    /**
     * The application against a real Moodle connector pointed at a WireMock Moodle in this JVM (it outlives every
     * kill), killed at approval completion, inside Moodle's enrolment, calendar and message writes (Moodle did it,
     * its answer never arrived), at a notification step, at the completion sync's pick-up, in evaluation and at the
     * HCM write-back. Moodle's request journal must show each enrolment, calendar event and message once.
     */
    @Test
    void moodle() throws Exception {
        try (WireMockMoodle moodle = WireMockMoodle.start(
                SampleMoodleSite.of(SampleOrganisation.fromClasspath(nowClock(), new InMemorySampleState())))) {
            List<KillPoint> points = KillPoint.named(List.of(
                    "after-approval",
                    "moodle-enrol_manual_enrol_users#1",
                    "moodle-core_calendar_create_calendar_events#1",
                    "moodle-core_message_send_instant_messages#2",
                    "completion-synced",
                    "hcm-record-training-ran#1"));
            // one kill per run, the earliest armed point wins: at least three of the six, whichever the timing gives
            lifecycle(dir.resolve("moodle"), Map.of(), null, points, 3, null, new MoodleLearners(moodle));
        }
    }

    private static EngineClock nowClock() {
        EngineClock clock = new EngineClock();
        clock.set(java.time.Instant.now());
        return clock;
    }

    /** One lifecycle killed at {@code points}, at least {@code minHits} of them reached; returns what was hit. */
    private KillPlan lifecycle(
            Path home, Map<String, String> env, String postgresUrl, List<KillPoint> points, int minHits)
            throws Exception {
        return lifecycle(home, env, postgresUrl, points, minHits, null, new SampleLearners());
    }

    /** As above, with the LMS {@code learners} use; with {@code jitter}, each kill lands 0-400 ms after its point. */
    private KillPlan lifecycle(
            Path home,
            Map<String, String> env,
            String postgresUrl,
            List<KillPoint> points,
            int minHits,
            Random jitter,
            Learners learners)
            throws Exception {
        assertThat(JAR)
                .as("the application jar, built by the reactor before the tests (mvn package)")
                .exists();
        Files.createDirectories(home);
        KillPlan plan = new KillPlan(points);
        Lifecycle life;
        List<String> stopLog;
        Map<String, String> appEnv = new java.util.HashMap<>(env);
        appEnv.putAll(learners.env());
        try (AppProcess app = new AppProcess(JAR.toAbsolutePath(), home, appEnv)) {
            app.jitter(jitter, 400);
            learners.attach(app, plan);
            app.start();
            life = new Lifecycle(app, plan, learners);
            // a safety net against a hang; a long run on a loaded machine gives it more (-Dcrash.lifecycle-minutes)
            life.run(Duration.ofMinutes(Long.getLong("crash.lifecycle-minutes", 15)));
            assertThat(life.lockChecks)
                    .as("restarts after which no job was locked by the killed run")
                    .isEqualTo(life.kills);

            // every decision the API acknowledged is in the request's audit trail
            for (Lifecycle.Acked decision : life.acked) {
                JsonNode status = life.status(decision.requestId());
                if (decision.requestId().equals(life.programme)) {
                    // a programme's audit trail lists no tasks; its sign-off is the last thing before it ends
                    assertThat(status.path("state").asText())
                            .as(decision.toString())
                            .isEqualTo("ended");
                    continue;
                }
                assertThat(status.path("decisions").findValuesAsText("elementId"))
                        .as(decision.toString())
                        .contains(decision.elementId());
                assertThat(status.path("decisions").findValuesAsText("actor"))
                        .as(decision.toString())
                        .contains(decision.actor());
            }
            stopLog = app.stop(Duration.ofSeconds(60));
        }
        int shutdownAt = indexOf(stopLog, "Commencing graceful shutdown");
        assertThat(shutdownAt).as("the stop began").isGreaterThanOrEqualTo(0);
        assertThat(stopLog.subList(shutdownAt, stopLog.size()))
                .as("a clean stop logs nothing at WARN or above")
                .noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR "));

        String url = postgresUrl != null
                ? postgresUrl
                : "jdbc:h2:file:" + home.resolve("data/trainflow").toAbsolutePath();
        try (Afterwards db = new Afterwards(url, postgresUrl != null ? "postgres" : "sa")) {
            Map<String, Integer> requests = db.requestsPerId();
            assertThat(requests)
                    .as("Alice's request and one per sales employee, each exactly once")
                    .containsEntry(life.request, 1)
                    .hasSize(1 + Lifecycle.SALES.size());
            for (String employee : Lifecycle.SALES) {
                assertThat(requests).containsEntry(life.programme + "-" + employee, 1);
            }
            assertThat(db.outcomesPerRequest(life.programme))
                    .as("one outcome per campaign request")
                    .hasSize(Lifecycle.SALES.size())
                    .allSatisfy((request, n) -> assertThat(n).isEqualTo(1));
            db.assertHcmWritesOnce();
            learners.assertWritesOnce(db);
            assertThat(db.lockedJobs()).as("jobs locked after the clean stop").isEmpty();
            assertThat(db.incidents()).as("incidents").isEmpty();
        }
        System.out.printf("crash harness: %d kills at %s%n", life.kills, plan.hit());
        // last, so a lifecycle that reached fewer points still has every check of what it did
        assertThat(plan.hit())
                .as("kill points hit; not reached: " + plan.unhit())
                .hasSizeGreaterThanOrEqualTo(minHits);
        return plan;
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}

package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.api.StepContext;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.engine.HandlerRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.flowable.job.api.ExternalWorkerJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dead node's steps come back at its restart, a live step keeps its lock, a stop gives locks back. */
class StepLocksTest {

    private static final Duration SHORT_LOCK = Duration.ofMillis(900);

    @TempDir
    Path dir;

    @TaskType(value = "test-slow", name = "Slow", description = "Waits until released")
    static final class Slow implements StepHandler<Slow.In, Slow.Out> {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        record In() {}

        record Out(boolean done) {}

        @Override
        public Out handle(In input) {
            calls.incrementAndGet();
            StepContext.current().once("call", key -> Optional.empty(), key -> "called");
            started.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped");
            }
            return new Out(true);
        }
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    private TrainflowEngine engine(String node, Slow slow, boolean background) throws Exception {
        TrainflowEngine engine = TrainflowEngine.builder()
                .jdbcUrl(url())
                .handlers(new HandlerRegistry(List.of(slow)))
                .nodeId(node)
                .locks(new TrainflowEngine.LockTimes(SHORT_LOCK, Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .stopGrace(Duration.ofMillis(300))
                .background(background)
                .build();
        engine.deployments().deployFolder(Path.of("src/test/resources/crash"));
        return engine;
    }

    @Test
    void aRunningStepKeepsItsLockPastTheLockTimeAndRunsOnce() throws Exception {
        Slow slow = new Slow();
        try (TrainflowEngine engine = engine("node-a", slow, true)) {
            String instance = engine.flowable()
                    .getRuntimeService()
                    .startProcessInstanceByKey("slow-step")
                    .getId();
            assertThat(slow.started.await(30, TimeUnit.SECONDS)).isTrue();
            Instant lockedAt = Instant.now();
            await(() -> Instant.now().isAfter(lockedAt.plus(SHORT_LOCK.multipliedBy(3)))
                    && lockExpiry(engine, instance).isAfter(Instant.now()));
            slow.release.countDown();
            await(() -> engine.flowable()
                            .getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(instance)
                            .count()
                    == 0);
            assertThat(slow.calls).hasValue(1);
        }
    }

    @Test
    void aRestartReleasesThisNodesLocksAtOnceButNotAnotherNodes() throws Exception {
        String mine;
        String theirs;
        try (TrainflowEngine first = engine("node-a", new Slow(), false)) {
            var runtime = first.flowable().getRuntimeService();
            var management = first.flowable().getManagementService();
            // as if both nodes were killed while running the steps: locked for an hour
            mine = runtime.startProcessInstanceByKey("slow-step").getId();
            management
                    .createExternalWorkerJobAcquireBuilder()
                    .topic("test-slow", Duration.ofHours(1))
                    .acquireAndLock(1, "node-a");
            theirs = runtime.startProcessInstanceByKey("slow-step").getId();
            management
                    .createExternalWorkerJobAcquireBuilder()
                    .topic("test-slow", Duration.ofHours(1))
                    .acquireAndLock(1, "node-b");
            assertThat(job(first, mine).getLockOwner()).isEqualTo("node-a");
        }
        Slow slow = new Slow();
        slow.release.countDown();
        try (TrainflowEngine restarted = engine("node-a", slow, true)) {
            var runtime = restarted.flowable().getRuntimeService();
            await(() ->
                    runtime.createProcessInstanceQuery().processInstanceId(mine).count() == 0);
            assertThat(job(restarted, theirs).getLockOwner()).isEqualTo("node-b");
            assertThat(slow.calls).hasValue(1);
            // what an admin reads: another node's lock, none of this node's from before its start
            assertThat(restarted.heldLocks().locks()).singleElement().satisfies(lock -> {
                assertThat(lock.owner()).isEqualTo("node-b");
                assertThat(lock.kind()).isEqualTo("step");
                assertThat(lock.fromBeforeStart()).isFalse();
            });
        }
    }

    @Test
    void aStopGivesBackTheLockOfAStepThatDidNotFinishWithinTheGracePeriod() throws Exception {
        Slow slow = new Slow();
        String instance;
        try (TrainflowEngine engine = engine("node-a", slow, true)) {
            instance = engine.flowable()
                    .getRuntimeService()
                    .startProcessInstanceByKey("slow-step")
                    .getId();
            assertThat(slow.started.await(30, TimeUnit.SECONDS)).isTrue();
        }
        try (TrainflowEngine reopened = engine("node-b", new Slow(), false)) {
            assertThat(job(reopened, instance).getLockOwner()).isNull();
        }
    }

    @Test
    void aStepThatTakesTheProcessDownEveryTimeBecomesAnIncidentAfterItsAttempts() throws Exception {
        Slow slow = new Slow();
        String instance;
        try (TrainflowEngine first = engine("node-a", slow, false)) {
            instance = first.flowable()
                    .getRuntimeService()
                    .startProcessInstanceByKey("slow-step")
                    .getId();
        }
        // three runs, each killed while the step runs (its lock still held by this node), then a fourth start
        for (int run = 1; run <= 4; run++) {
            try (TrainflowEngine restarted = engine("node-a", slow, false)) {
                var management = restarted.flowable().getManagementService();
                if (run == 4) {
                    assertThat(restarted.incidents().list()).singleElement().satisfies(incident -> {
                        assertThat(incident.processInstanceId()).isEqualTo(instance);
                        assertThat(incident.message()).contains("stopped").contains("at each of its 3 attempts");
                    });
                    assertThat(job(restarted, instance))
                            .as("no longer offered to a worker")
                            .isNull();
                    break;
                }
                assertThat(job(restarted, instance).getLockOwner())
                        .as("released at start, run " + run)
                        .isNull();
                assertThat(management
                                .createExternalWorkerJobAcquireBuilder()
                                .topic("test-slow", Duration.ofHours(1))
                                .acquireAndLock(1, "node-a"))
                        .hasSize(1);
            }
        }
        assertThat(slow.calls).hasValue(0);
    }

    @Test
    void anInstancesRecordedEffectsGoWhenItEndsAndAStartClearsWhatACrashLeft() throws Exception {
        Slow slow = new Slow();
        String instance;
        try (TrainflowEngine engine = engine("node-a", slow, true)) {
            instance = engine.flowable()
                    .getRuntimeService()
                    .startProcessInstanceByKey("slow-step")
                    .getId();
            assertThat(slow.started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(effects()).singleElement().asString().startsWith(instance + "/call-slow/");
            slow.release.countDown();
            await(() -> engine.flowable()
                            .getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(instance)
                            .count()
                    == 0);
            await(() -> effects().isEmpty());
        }
        Slow waiting = new Slow();
        String running;
        try (TrainflowEngine engine = engine("node-a", waiting, true)) {
            running = engine.flowable()
                    .getRuntimeService()
                    .startProcessInstanceByKey("slow-step")
                    .getId();
            assertThat(waiting.started.await(30, TimeUnit.SECONDS)).isTrue();
            // as if the process was killed between an instance's end and its clean-up
            try (Connection c = DriverManager.getConnection(url(), "sa", "");
                    PreparedStatement ps =
                            c.prepareStatement("INSERT INTO TF_STEP_EFFECT (EFFECT_KEY, STATE, UPDATED_AT)"
                                    + " VALUES ('ended-instance/call-slow/1/call', 'DONE', CURRENT_TIMESTAMP)")) {
                ps.executeUpdate();
            }
            assertThat(effects()).hasSize(2);
        }
        try (TrainflowEngine restarted = engine("node-a", new Slow(), false)) {
            assertThat(effects())
                    .as("the running instance's effect stays")
                    .singleElement()
                    .asString()
                    .startsWith(running + "/");
        }
    }

    private List<String> effects() {
        try (Connection c = DriverManager.getConnection(url(), "sa", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT EFFECT_KEY FROM TF_STEP_EFFECT")) {
            List<String> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
            return keys;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExternalWorkerJob job(TrainflowEngine engine, String instance) {
        return engine.flowable()
                .getManagementService()
                .createExternalWorkerJobQuery()
                .processInstanceId(instance)
                .singleResult();
    }

    private static Instant lockExpiry(TrainflowEngine engine, String instance) {
        ExternalWorkerJob job = job(engine, instance);
        return job == null || job.getLockExpirationTime() == null
                ? Instant.MIN
                : job.getLockExpirationTime().toInstant();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}

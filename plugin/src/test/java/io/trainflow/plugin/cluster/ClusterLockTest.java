package io.trainflow.plugin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.plugin.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Two nodes on one database: the scheduled work runs on one of them at a time, and a dead node's turn ends. */
class ClusterLockTest {

    private final JdbcDataSource database = new JdbcDataSource();
    private final MovableClock clock = new MovableClock();

    ClusterLockTest() {
        database.setURL("jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private ClusterLock node(String id) {
        return new ClusterLock(database, id, clock);
    }

    @Test
    void whileOneNodeRunsTheWorkTheOtherSkipsItAndNamesTheHolder() {
        ClusterLock a = node("node-a");
        ClusterLock b = node("node-b");

        ClusterLock.Outcome<ClusterLock.Outcome<Integer>> nested = a.runExclusively(
                "progress-sync",
                Duration.ZERO,
                Duration.ofMinutes(10),
                () -> b.runExclusively("progress-sync", Duration.ZERO, Duration.ofMinutes(10), () -> 1));

        assertThat(nested.ran()).isTrue();
        assertThat(nested.result().ran()).as("node b while node a runs").isFalse();
        assertThat(nested.result().holder()).isEqualTo("node-a");
        assertThat(b.runExclusively("progress-sync", Duration.ZERO, Duration.ofMinutes(10), () -> 2)
                        .result())
                .as("node b once node a is done")
                .isEqualTo(2);
    }

    @Test
    void aShortRunKeepsItsTurnForTheRestOfTheIntervalSoNNodesRunItOncePerInterval() {
        ClusterLock a = node("node-a");
        ClusterLock b = node("node-b");
        a.runExclusively("hcm-sync", Duration.ofMinutes(7), Duration.ofMinutes(10), () -> 0);

        clock.advance(Duration.ofMinutes(6));
        assertThat(b.runExclusively("hcm-sync", Duration.ofMinutes(7), Duration.ofMinutes(10), () -> 0)
                        .ran())
                .isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(b.runExclusively("hcm-sync", Duration.ofMinutes(7), Duration.ofMinutes(10), () -> 0)
                        .ran())
                .isTrue();
    }

    @Test
    void aNodeKilledMidRunHoldsItsTurnOnlyUntilItsLeaseEnds() {
        ClusterLock a = node("node-a");
        ClusterLock b = node("node-b");
        AtomicInteger ranOnB = new AtomicInteger();
        // node a takes the lease and dies inside the work: nothing releases it
        assertThatThrownBy(() -> a.runExclusively("progress-sync", Duration.ZERO, Duration.ofMinutes(10), () -> {
                    assertThat(b.runExclusively(
                                            "progress-sync",
                                            Duration.ZERO,
                                            Duration.ofMinutes(10),
                                            ranOnB::incrementAndGet)
                                    .ran())
                            .isFalse();
                    clock.advance(Duration.ofMinutes(11));
                    // the lease ran out while a was still "running": b takes over
                    assertThat(b.runExclusively(
                                            "progress-sync",
                                            Duration.ZERO,
                                            Duration.ofMinutes(10),
                                            ranOnB::incrementAndGet)
                                    .ran())
                            .isTrue();
                    throw new IllegalStateException("killed");
                }))
                .hasMessage("killed");
        assertThat(ranOnB).hasValue(1);
    }

    @Test
    void nodesStartingTogetherDeployOneAfterTheOtherNeverAtOnce() throws Exception {
        Clock wall = Clock.systemUTC();
        int nodes = 4;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                ClusterLock node = new ClusterLock(database, "node-" + i, wall);
                runs.add(pool.submit(() -> {
                    go.await();
                    return node.runWhenFree("deploy-bpmn", Duration.ofMinutes(2), Duration.ofMinutes(1), () -> {
                        mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inside.decrementAndGet();
                        return 1;
                    });
                }));
            }
            go.countDown();
            int deployed = 0;
            for (Future<Integer> run : runs) {
                deployed += run.get(90, TimeUnit.SECONDS);
            }
            assertThat(deployed).as("every node deployed (found its turn)").isEqualTo(nodes);
            assertThat(mostAtOnce).as("nodes deploying at the same moment").hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }
}

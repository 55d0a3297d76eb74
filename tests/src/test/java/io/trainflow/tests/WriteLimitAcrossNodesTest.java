package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.trainflow.connectors.jdbc.WriteBuckets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-person write limit on PostgreSQL with two nodes (two connection pools on one database) writing for the same
 * person at once: together they allow the limit once, not once each, and refill at the limit's pace.
 */
class WriteLimitAcrossNodesTest {

    private static final int PER_MINUTE = 10;
    private static final long NOW = 1_800_000_000_000L;
    private static final List<HikariDataSource> POOLS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        POOLS.forEach(HikariDataSource::close);
        postgres.close();
    }

    /** A node: its own connection pool on the shared database, as the server has. */
    private static WriteBuckets node() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.jdbcUrl());
        pool.setMaximumPoolSize(4);
        POOLS.add(pool);
        return new WriteBuckets(pool);
    }

    @Test
    void twoNodesAllowTheLimitOnceBetweenThem() throws Exception {
        List<WriteBuckets> nodes = List.of(node(), node());
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<Long>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            WriteBuckets node = nodes.get(i % 2);
            answers.add(writers.submit(() -> node.take("camille.blanc", PER_MINUTE, NOW)));
        }
        int allowed = 0;
        for (Future<Long> answer : answers) {
            if (answer.get(60, TimeUnit.SECONDS) == 0) {
                allowed++;
            }
        }
        writers.shutdown();

        assertThat(allowed).isEqualTo(PER_MINUTE);
        // a refused write is told when to come back: one write every 6 s at 10 a minute
        assertThat(nodes.get(0).take("camille.blanc", PER_MINUTE, NOW)).isEqualTo(6);
        assertThat(nodes.get(1).take("camille.blanc", PER_MINUTE, NOW + 6_000)).isZero();
        assertThat(nodes.get(0).take("camille.blanc", PER_MINUTE, NOW + 6_000)).isPositive();
        // a node whose clock is behind refills nothing, and takes nothing it was not given
        assertThat(nodes.get(1).take("camille.blanc", PER_MINUTE, NOW)).isPositive();
        // someone else's bucket is their own
        assertThat(nodes.get(1).take("antoine.guerin", PER_MINUTE, NOW)).isZero();
    }

    /** What the shared count costs a write: printed for docs/BENCHMARKS.md, not asserted (the machine is shared). */
    @Test
    void eachWriteCostsOneShortTransaction() {
        WriteBuckets node = node();
        node.take("warm-up", 1000, NOW);
        int writes = 500;
        long started = System.nanoTime();
        for (int i = 0; i < writes; i++) {
            assertThat(node.take("person-" + (i % 50), 1000, NOW + i)).isZero();
        }
        double ms = (System.nanoTime() - started) / 1e6 / writes;
        System.out.printf(
                "write limit on PostgreSQL: %.2f ms a write (%d writes, 50 people, one node with a pool)%n",
                ms, writes);
    }
}

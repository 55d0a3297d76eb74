package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.notify.tasks.Outbox;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Production runs on PostgreSQL: the engine, the stores and a request's lifecycle, on a real server, across a restart;
 * the notification outbox's SQL.
 */
class PostgresLifecycleTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void requestRunsAndSurvivesARestartOnPostgres() {
        String request;
        try (SampleLifecycle life = SampleLifecycle.open(postgres.jdbcUrl(), SampleLifecycle.START, false)) {
            request = life.request("alice.martin", "1004", "reports", List.of());
            assertThat(life.task("sophie.laurent", "approve", request)).isNotNull();
        }
        try (SampleLifecycle life =
                SampleLifecycle.open(postgres.jdbcUrl(), SampleLifecycle.START.plusSeconds(60), false)) {
            life.approve("sophie.laurent", request);
            life.learnerCompletesNextCourse("alice.martin");
            life.learnerCompletesNextCourse("alice.martin");
            for (int day : new int[] {30, 60, 90}) {
                life.advance(Duration.ofDays(30));
                life.complete(
                        "sophie.laurent",
                        life.task("sophie.laurent", "follow-up-" + day, request),
                        Map.of("behaviourScore", 5, "observation", "applies it"));
            }
            assertThat(life.endedAt(request)).isEqualTo("completed");
            assertThat(life.variables(request)).containsEntry("trainingStatus", "completed");
        }
    }

    /**
     * The notification outbox's SQL, where a unique-key error would abort the engine's whole transaction: the same key
     * twice in one transaction is one row and the transaction still commits; a digest gathers what was held.
     */
    @Test
    void aRepeatedKeyIsOneNotificationAndTheTransactionCommits() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        Outbox outbox = new Outbox(dataSource);
        Instant now = Instant.parse("2027-03-01T08:00:00Z");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(Outbox.add(
                            c,
                            "created:t1:ann",
                            "created",
                            "ann",
                            "t1",
                            "Approve",
                            "REQ-1",
                            "Lucas",
                            now,
                            Outbox.PENDING))
                    .isTrue();
            assertThat(Outbox.add(
                            c,
                            "created:t1:ann",
                            "created",
                            "ann",
                            "t1",
                            "Approve",
                            "REQ-1",
                            "Lucas",
                            now,
                            Outbox.PENDING))
                    .isFalse();
            c.commit();
        }
        Outbox.Entry entry = outbox.byKey("created:t1:ann").orElseThrow();
        assertThat(entry.createdAt()).isEqualTo(now);
        outbox.state(entry.id(), Outbox.HELD, null);
        assertThat(outbox.holding()).containsExactly("ann");

        String digest = outbox.gather("ann", "digest:ann:2027-03-01", now).orElseThrow();
        assertThat(outbox.gather("ann", "digest:ann:2027-03-01", now)).isEmpty();
        assertThat(outbox.ofDigest(digest)).extracting(Outbox.Entry::key).containsExactly("created:t1:ann");
        outbox.channel(digest, "mail", "sent");
        assertThat(outbox.inState(Outbox.PENDING, 10))
                .singleElement()
                .satisfies(d -> assertThat(d.mailState()).isEqualTo("sent"));
    }
}

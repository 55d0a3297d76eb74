package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.notify.tasks.Outbox;
import java.sql.Connection;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The notification outbox's SQL on PostgreSQL, where a unique-key error would abort the engine's whole transaction:
 * the same key twice in one transaction is one row and the transaction still commits; a digest gathers what was held.
 */
class OutboxOnPostgresTest {

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
    void aRepeatedKeyIsOneNotificationAndTheTransactionCommits() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        Outbox outbox = new Outbox(dataSource);
        Instant now = Instant.parse("2027-03-01T08:00:00Z");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(Outbox.add(c, "created:t1:ann", "created", "ann", "t1", "Approve", "REQ-1", "Lucas", now, Outbox.PENDING))
                    .isTrue();
            assertThat(Outbox.add(c, "created:t1:ann", "created", "ann", "t1", "Approve", "REQ-1", "Lucas", now, Outbox.PENDING))
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
        assertThat(outbox.inState(Outbox.PENDING, 10)).singleElement()
                .satisfies(d -> assertThat(d.mailState()).isEqualTo("sent"));
    }
}

package io.trainflow.plugin.cluster;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Work that one node of a cluster does at a time (the scheduled syncs, deploying bpmn/): a named lease row in the
 * shared database. Whoever holds an unexpired lease runs; the others skip this round. A node killed mid-run holds
 * its lease until it expires ({@code atMost}), after which another node takes over. {@code atLeast} keeps the lease
 * after a short run, so N nodes on the same schedule run the work once per interval, not N times.
 *
 * <p>Leases run on the wall clock, never on the demo clock: moving Trainflow's clock must not free a lease.
 */
public final class ClusterLock {

    private final Jdbc jdbc;
    private final String node;
    private final Clock wallClock;

    public ClusterLock(DataSource dataSource, String node, Clock wallClock) {
        this.jdbc = new Jdbc(dataSource);
        this.node = node;
        this.wallClock = wallClock;
        TrainflowSchema.ensure(dataSource); // V5__cluster_lock
    }

    /** What a run under the lock gave: run or skipped because another node holds it (and which). */
    public record Outcome<T>(boolean ran, T result, String holder) {}

    /** Runs {@code work} if no other node holds {@code name}; holds it at least {@code atLeast}, at most {@code atMost}. */
    public <T> Outcome<T> runExclusively(String name, Duration atLeast, Duration atMost, Supplier<T> work) {
        Instant start = wallClock.instant();
        if (!acquire(name, start, start.plus(atMost))) {
            return new Outcome<>(false, null, holder(name));
        }
        try {
            return new Outcome<>(true, work.get(), node);
        } finally {
            Instant now = wallClock.instant();
            Instant minimum = start.plus(atLeast);
            release(name, now.isAfter(minimum) ? now : minimum);
        }
    }

    /**
     * Waits (up to {@code wait}) until no other node holds {@code name}, then runs {@code work} under it: for work
     * every node must see done before going on, such as deploying bpmn/ at start (two nodes deploying the same
     * files at once would each make a deployment; one after the other, the second finds nothing changed).
     */
    public <T> T runWhenFree(String name, Duration atMost, Duration wait, Supplier<T> work) {
        Instant deadline = wallClock.instant().plus(wait);
        while (true) {
            Outcome<T> outcome = runExclusively(name, Duration.ZERO, atMost, work);
            if (outcome.ran()) {
                return outcome.result();
            }
            if (wallClock.instant().isAfter(deadline)) {
                throw new IllegalStateException("'" + name + "' is held by node " + outcome.holder()
                        + " for longer than " + wait + "; if that node is gone, its lease ends within " + atMost);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for '" + name + "'", e);
            }
        }
    }

    private boolean acquire(String name, Instant now, Instant until) {
        return jdbc.inTransaction(c -> {
            int[] taken = {0};
            Jdbc.upsert(
                    c,
                    conn -> {
                        try (PreparedStatement ps =
                                conn.prepareStatement("UPDATE tf_cluster_lock SET owner = ?, locked_until = ?"
                                        + " WHERE name = ? AND (locked_until <= ? OR owner = ?)")) {
                            ps.setString(1, node);
                            ps.setObject(2, until.atOffset(ZoneOffset.UTC));
                            ps.setString(3, name);
                            ps.setObject(4, now.atOffset(ZoneOffset.UTC));
                            ps.setString(5, node);
                            taken[0] = ps.executeUpdate();
                            // 0 rows: held by another node, or no row yet; the insert tells which
                            return taken[0] > 0 ? taken[0] : exists(conn, name) ? 1 : 0;
                        }
                    },
                    conn -> {
                        try (PreparedStatement ps = conn.prepareStatement(
                                "INSERT INTO tf_cluster_lock (name, owner, locked_until) VALUES (?, ?, ?)")) {
                            ps.setString(1, name);
                            ps.setString(2, node);
                            ps.setObject(3, until.atOffset(ZoneOffset.UTC));
                            taken[0] = ps.executeUpdate();
                            return taken[0];
                        }
                    });
            return taken[0] > 0;
        });
    }

    private static boolean exists(java.sql.Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tf_cluster_lock WHERE name = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void release(String name, Instant until) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE tf_cluster_lock SET locked_until = ? WHERE name = ? AND owner = ?")) {
                ps.setObject(1, until.atOffset(ZoneOffset.UTC));
                ps.setString(2, name);
                ps.setString(3, node);
                return ps.executeUpdate();
            }
        });
    }

    /** Who holds {@code name} now (for the log line of a skipped round). */
    public String holder(String name) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM tf_cluster_lock WHERE name = ?")) {
                ps.setString(1, name);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }
}

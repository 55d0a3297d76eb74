package io.trainflow.connectors.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/**
 * Per-person token buckets in the database (table {@code tf_write_bucket}), so every node of a cluster draws from the
 * same bucket: N nodes allow the limit once, not N times. One short transaction a write: the person's row is locked
 * (made on first use), refilled for the time since it was last counted, and one token taken if there is one.
 * Each node counts with its own clock; a clock behind the last count refills nothing rather than going back.
 */
public final class WriteBuckets {

    private final Jdbc jdbc;

    public WriteBuckets(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource);
    }

    /**
     * Takes one write from {@code person}'s bucket of {@code perMinute} writes (a burst of that many, then one every
     * 60/perMinute seconds).
     *
     * @return 0 when the write may go ahead, else the whole seconds until one may
     */
    public long take(String person, double perMinute, long nowMillis) {
        return jdbc.inTransaction(c -> {
            // the row exists and is locked by this transaction after this step, whoever made it
            Jdbc.upsert(
                    c,
                    locked -> {
                        try (PreparedStatement ps = locked.prepareStatement(
                                "UPDATE tf_write_bucket SET counted_at = counted_at WHERE username = ?")) {
                            ps.setString(1, person);
                            return ps.executeUpdate();
                        }
                    },
                    fresh -> {
                        try (PreparedStatement ps = fresh.prepareStatement(
                                "INSERT INTO tf_write_bucket (username, tokens, counted_at) VALUES (?, ?, ?)")) {
                            ps.setString(1, person);
                            ps.setDouble(2, perMinute);
                            ps.setLong(3, nowMillis);
                            return ps.executeUpdate();
                        }
                    });
            double tokens;
            long countedAt;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT tokens, counted_at FROM tf_write_bucket WHERE username = ?")) {
                ps.setString(1, person);
                try (ResultSet r = ps.executeQuery()) {
                    r.next();
                    tokens = r.getDouble(1);
                    countedAt = r.getLong(2);
                }
            }
            long at = Math.max(countedAt, nowMillis);
            tokens = Math.min(perMinute, tokens + (at - countedAt) * perMinute / 60_000.0);
            long wait = 0;
            if (tokens >= 1) {
                tokens -= 1;
            } else {
                wait = Math.max(1, (long) Math.ceil((1 - tokens) * 60 / perMinute));
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE tf_write_bucket SET tokens = ?, counted_at = ? WHERE username = ?")) {
                ps.setDouble(1, tokens);
                ps.setLong(2, at);
                ps.setString(3, person);
                ps.executeUpdate();
            }
            return wait;
        });
    }
}

package io.trainflow.connectors.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Schema work at start-up, one node at a time. Two nodes starting together on an empty PostgreSQL both create the
 * engine's tables, and PostgreSQL refuses the second CREATE (duplicate key in pg_type) even with IF NOT EXISTS:
 * the node fails to start. A session-level advisory lock serialises them; the second finds the tables made.
 * H2 files are one node's own: nothing to serialise. Each kind of start-up work has its own lock ({@code name}),
 * so one taken inside another (Trainflow's migrations while the engine makes its tables) never waits for itself.
 * The same lock serialises a look-then-create across nodes at run time (a Moodle course event shared by learners).
 */
public final class StartupLock {

    /** Trainflow's advisory-lock keys: "Trai" in the high half, the work's name in the low half. */
    private static final long PREFIX = 0x5472616900000000L;

    private StartupLock() {}

    public static <T> T around(DataSource dataSource, String name, Supplier<T> work) {
        long key = PREFIX | (name.hashCode() & 0xffffffffL);
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres")) {
                return work.get();
            }
            execute(c, "SELECT pg_advisory_lock(" + key + ")");
            try {
                return work.get();
            } finally {
                execute(c, "SELECT pg_advisory_unlock(" + key + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the start-up lock in the database: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

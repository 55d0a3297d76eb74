package io.trainflow.plugin.cluster;

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
 * H2 files are one node's own: nothing to serialise.
 */
public final class StartupLock {

    /** Any fixed key: the ASCII of "Trainflo". */
    private static final long KEY = 0x547261696e666c6fL;

    private StartupLock() {
    }

    public static <T> T around(DataSource dataSource, Supplier<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                return work.get();
            }
            execute(c, "SELECT pg_advisory_lock(" + KEY + ")");
            try {
                return work.get();
            } finally {
                execute(c, "SELECT pg_advisory_unlock(" + KEY + ")");
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

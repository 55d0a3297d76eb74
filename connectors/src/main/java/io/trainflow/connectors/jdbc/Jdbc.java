package io.trainflow.connectors.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Minimal JDBC plumbing shared by Trainflow's stores. SQL is kept to what H2 and PostgreSQL both
 * run (tables come from the migrations, {@link TrainflowSchema}): TEXT for JSON, TIMESTAMP WITH TIME ZONE, and upsert as
 * update-then-insert (MERGE and ON CONFLICT are not portable between the two).
 */
public final class Jdbc {

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction; SQL errors become unchecked so callers retry as technical failures. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database call failed: " + e.getMessage(), e);
        }
    }

    public void execute(String... ddl) {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : ddl) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }

    /** One statement of an upsert, returning the number of rows it touched. */
    @FunctionalInterface
    public interface Step {
        int run(Connection connection) throws SQLException;
    }

    /**
     * Portable upsert inside the caller's transaction: update; when no row matched, insert under a
     * savepoint; when a concurrent insert of the same key won, roll back to the savepoint (PostgreSQL
     * aborts the whole transaction otherwise) and update again.
     */
    public static void upsert(Connection c, Step update, Step insert) throws SQLException {
        if (update.run(c) > 0) {
            return;
        }
        Savepoint savepoint = c.setSavepoint();
        try {
            insert.run(c);
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            c.rollback(savepoint);
            update.run(c);
        }
    }

    /** SQLSTATE class 23 (integrity constraint violation): a concurrent insert of the same key. */
    public static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}

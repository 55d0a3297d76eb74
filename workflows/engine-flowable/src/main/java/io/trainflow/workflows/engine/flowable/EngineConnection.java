package io.trainflow.workflows.engine.flowable;

import java.sql.Connection;
import java.sql.SQLException;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.common.engine.impl.interceptor.CommandContextCloseListener;

/**
 * The running engine command's own connection, for Trainflow's rows that must commit with the command (the access
 * audit's line of a decision, a task's notification) or not at all. Flowable rolls back only when its own statements
 * ran: a command that fails before flushing its entities would otherwise let a row written here be committed as the
 * connection goes back to auto-commit. So the first use in a command registers an explicit rollback on failure.
 */
final class EngineConnection {

    private static final String ROLLBACK_REGISTERED = EngineConnection.class.getName();

    private EngineConnection() {}

    static Connection of(CommandContext context) {
        Connection connection =
                context.getSession(DbSqlSession.class).getSqlSession().getConnection();
        if (context.getAttribute(ROLLBACK_REGISTERED) == null) {
            context.addAttribute(ROLLBACK_REGISTERED, Boolean.TRUE);
            context.addCloseListener(new RollbackOnFailure(connection));
        }
        return connection;
    }

    private record RollbackOnFailure(Connection connection) implements CommandContextCloseListener {

        @Override
        public void closeFailure(CommandContext context) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("rolling back a failed engine command failed", e);
            }
        }

        @Override
        public void closing(CommandContext context) {}

        @Override
        public void afterSessionsFlush(CommandContext context) {}

        @Override
        public void closed(CommandContext context) {}

        @Override
        public Integer order() {
            return 0;
        }

        @Override
        public boolean multipleAllowed() {
            return true;
        }
    }
}

package io.trainflow.workflows.engine.flowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Indexes Trainflow adds to Flowable's schema. Loading an execution's variables filters on
 * {@code EXECUTION_ID_ = ? and TASK_ID_ is null}; H2 plans that statement once, and a plan made
 * while the table was small walks the TASK_ID_ index — every variable without a task — on each
 * step job (the benchmark found the job poller spending 90 % of its time there, growing with
 * the cohort). An index on both columns is the best plan whatever the statistics say. Step
 * acquisition ({@code HANDLER_CFG_ = ? and LOCK_EXP_TIME_ is null}) has no index in Flowable's schema. The web
 * inbox ({@link InboxQuery}) reads one person's tasks in inbox order: an index in that order lets the database read
 * the first rows of a page instead of sorting all of that person's open tasks.
 */
final class ExtraIndexes {

    private ExtraIndexes() {}

    static void ensure(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE INDEX IF NOT EXISTS TF_IDX_RU_VAR_EXEC_TASK ON ACT_RU_VARIABLE(EXECUTION_ID_, TASK_ID_)");
            // step acquisition filters on the task type and a free lock: without it, a table scan per acquisition
            statement.execute(
                    "CREATE INDEX IF NOT EXISTS TF_IDX_EJOB_TOPIC_LOCK ON ACT_RU_EXTERNAL_JOB(HANDLER_CFG_, LOCK_EXP_TIME_)");
            statement.execute(
                    "CREATE INDEX IF NOT EXISTS TF_IDX_TASK_INBOX ON ACT_RU_TASK(ASSIGNEE_, DUE_DATE_ ASC NULLS LAST,"
                            + " PRIORITY_ DESC, CREATE_TIME_ ASC, ID_ ASC)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create Trainflow's indexes on Flowable's tables: " + e.getMessage(), e);
        }
    }
}

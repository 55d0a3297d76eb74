package io.trainflow.workflows.engine.flowable;

import io.trainflow.connectors.jdbc.TrainflowSchema;
import io.trainflow.workflows.api.StepContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.flowable.common.engine.api.delegate.event.AbstractFlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.cfg.TransactionState;

/**
 * Intents and outcomes of steps' external effects, in table {@code TF_STEP_EFFECT} of the engine's database
 * (H2 and PostgreSQL; made by the migrations, {@link TrainflowSchema}): each write is its own committed transaction,
 * so a crash never loses a recorded intent. Keys start with the process instance id: an instance's rows are deleted
 * once it has ended (nothing runs its steps again), so the table holds running instances' effects only.
 */
final class StepLedger implements StepContext.Ledger {

    /** Every way a process instance ends. */
    static final FlowableEngineEventType[] ENDS = {
        FlowableEngineEventType.PROCESS_COMPLETED,
        FlowableEngineEventType.PROCESS_COMPLETED_WITH_TERMINATE_END_EVENT,
        FlowableEngineEventType.PROCESS_COMPLETED_WITH_ERROR_END_EVENT,
        FlowableEngineEventType.PROCESS_CANCELLED
    };

    private final DataSource dataSource;
    private final Clock clock;

    StepLedger(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        TrainflowSchema.ensure(dataSource);
    }

    @Override
    public Optional<Optional<String>> find(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT STATE, OUTCOME FROM TF_STEP_EFFECT WHERE EFFECT_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<Optional<String>> found = !rs.next()
                        ? Optional.empty()
                        : Optional.of(
                                "DONE".equals(rs.getString(1))
                                        ? Optional.of(nonNull(rs.getString(2)))
                                        : Optional.empty());
                commit(c);
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read step effect " + key + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the effects of an instance that ended, once its end is committed. */
    FlowableEventListener forgetOnEnd() {
        return new AbstractFlowableEventListener() {
            @Override
            public void onEvent(FlowableEvent event) {
                if (event instanceof FlowableEngineEvent ended && ended.getProcessInstanceId() != null) {
                    forget(ended.getProcessInstanceId());
                }
            }

            @Override
            public boolean isFailOnException() {
                return false; // a row left behind is deleted at the next start
            }

            @Override
            public boolean isFireOnTransactionLifecycleEvent() {
                return true;
            }

            @Override
            public String getOnTransaction() {
                return TransactionState.COMMITTED.name();
            }
        };
    }

    int forget(String processInstanceId) {
        return update(
                "DELETE FROM TF_STEP_EFFECT WHERE EFFECT_KEY LIKE ?",
                processInstanceId.replace("%", "\\%").replace("_", "\\_") + "/%");
    }

    /** At start: the rows of instances that are no longer running (their end's clean-up was cut short). */
    int forgetEnded() {
        return update(
                "DELETE FROM TF_STEP_EFFECT WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION E WHERE E.ID_ ="
                        + " SUBSTRING(EFFECT_KEY FROM 1 FOR POSITION('/' IN EFFECT_KEY) - 1))",
                null);
    }

    private int update(String sql, String parameter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            int rows = ps.executeUpdate();
            commit(c);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clean up TF_STEP_EFFECT: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<java.time.Instant> intentAt(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT UPDATED_AT FROM TF_STEP_EFFECT WHERE EFFECT_KEY = ? AND STATE = 'INTENT'")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<java.time.Instant> at = rs.next()
                        ? Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)
                        : Optional.empty();
                commit(c);
                return at;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read step effect " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void intent(String key) {
        write(key, "INTENT", null);
    }

    @Override
    public void outcome(String key, String outcome) {
        write(key, "DONE", outcome);
    }

    private void write(String key, String state, String outcome) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE TF_STEP_EFFECT SET STATE = ?, OUTCOME = ?, UPDATED_AT = ? WHERE EFFECT_KEY = ?")) {
                up.setString(1, state);
                up.setString(2, outcome);
                up.setTimestamp(3, Timestamp.from(clock.instant()));
                up.setString(4, key);
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement in = c.prepareStatement(
                            "INSERT INTO TF_STEP_EFFECT (EFFECT_KEY, STATE, OUTCOME, UPDATED_AT) VALUES (?, ?, ?, ?)")) {
                        in.setString(1, key);
                        in.setString(2, state);
                        in.setString(3, outcome);
                        in.setTimestamp(4, Timestamp.from(clock.instant()));
                        in.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record step effect " + key + ": " + e.getMessage(), e);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}

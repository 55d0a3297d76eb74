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

/**
 * Intents and outcomes of steps' external effects, in table {@code TF_STEP_EFFECT} of the engine's database
 * (H2 and PostgreSQL; made by the migrations, {@link TrainflowSchema}): each write is its own committed transaction, so a crash never loses a recorded intent.
 */
final class StepLedger implements StepContext.Ledger {

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
             PreparedStatement ps = c.prepareStatement("SELECT STATE, OUTCOME FROM TF_STEP_EFFECT WHERE EFFECT_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<Optional<String>> found = !rs.next() ? Optional.empty()
                        : Optional.of("DONE".equals(rs.getString(1)) ? Optional.of(nonNull(rs.getString(2))) : Optional.empty());
                commit(c);
                return found;
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

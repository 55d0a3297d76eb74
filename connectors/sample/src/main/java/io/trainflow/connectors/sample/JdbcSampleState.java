package io.trainflow.connectors.sample;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;

/** Sample state in table {@code tf_sample_state} (key, JSON text), created if missing. */
public class JdbcSampleState implements SampleState {

    private final Jdbc jdbc;

    public JdbcSampleState(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource);
    }

    @Override
    public Optional<String> load(String key) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT state_json FROM tf_sample_state WHERE state_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void save(String key, String json) {
        jdbc.inTransaction(c -> {
            Jdbc.upsert(
                    c,
                    con -> {
                        try (PreparedStatement up =
                                con.prepareStatement("UPDATE tf_sample_state SET state_json = ? WHERE state_key = ?")) {
                            up.setString(1, json);
                            up.setString(2, key);
                            return up.executeUpdate();
                        }
                    },
                    con -> {
                        try (PreparedStatement ins = con.prepareStatement(
                                "INSERT INTO tf_sample_state (state_key, state_json) VALUES (?, ?)")) {
                            ins.setString(1, key);
                            ins.setString(2, json);
                            return ins.executeUpdate();
                        }
                    });
            return null;
        });
    }
}

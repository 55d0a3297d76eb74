package io.trainflow.connectors.delegation;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Delegations in table {@code tf_delegation} (created if missing). */
public class JdbcDelegationStore implements DelegationStore {

    private final Jdbc jdbc;

    public JdbcDelegationStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource);
    }

    @Override
    public Delegation save(Delegation d) {
        // delete-then-insert in one transaction: a portable replace for a row this small
        jdbc.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM tf_delegation WHERE id = ?")) {
                del.setString(1, d.id());
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO tf_delegation"
                    + " (id, approver, deputy, valid_from, valid_to, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
                ins.setString(1, d.id());
                ins.setString(2, d.approver());
                ins.setString(3, d.deputy());
                ins.setObject(4, d.from().atOffset(ZoneOffset.UTC));
                ins.setObject(5, d.to().atOffset(ZoneOffset.UTC));
                ins.setString(6, d.reason());
                ins.executeUpdate();
            }
            return null;
        });
        return d;
    }

    @Override
    public void remove(String id) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tf_delegation WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Delegation> of(String approver) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, approver, deputy, valid_from, valid_to, reason"
                    + " FROM tf_delegation WHERE approver = ? ORDER BY valid_from, id")) {
                ps.setString(1, approver);
                List<Delegation> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
                return rows;
            }
        });
    }

    @Override
    public List<Delegation> changingIn(Instant after, Instant upTo) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, approver, deputy, valid_from, valid_to, reason"
                    + " FROM tf_delegation WHERE (valid_from > ? AND valid_from <= ?) OR (valid_to > ? AND valid_to <= ?)"
                    + " ORDER BY valid_from, id")) {
                for (int i = 0; i < 4; i += 2) {
                    ps.setObject(i + 1, after.atOffset(ZoneOffset.UTC));
                    ps.setObject(i + 2, upTo.atOffset(ZoneOffset.UTC));
                }
                List<Delegation> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static Delegation read(ResultSet rs) throws SQLException {
        return new Delegation(
                rs.getString("id"),
                rs.getString("approver"),
                rs.getString("deputy"),
                rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
                rs.getObject("valid_to", OffsetDateTime.class).toInstant(),
                rs.getString("reason"));
    }
}

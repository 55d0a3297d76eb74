package io.trainflow.connectors.outcome;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.Json;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;

/** Outcomes in table {@code tf_outcome} (created if missing); structured fields are JSON text. */
public class JdbcOutcomeStore implements OutcomeStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String COLUMNS = "employee_id, status, reaction_json, learning_json, follow_ups_json, "
            + "last_review_rating, review_after, recorded_at, reason, linked";

    private final Jdbc jdbc;

    public JdbcOutcomeStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource); // the reason and linked columns: V7__outcome_reason_and_links
    }

    @Override
    public void record(Outcome o) {
        jdbc.inTransaction(c -> {
            Jdbc.upsert(c, con -> update(con, o), con -> insert(con, o));
            return null;
        });
    }

    private int update(Connection c, Outcome o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE tf_outcome SET employee_id = ?, status = ?,"
                        + " reaction_json = ?, learning_json = ?, follow_ups_json = ?, last_review_rating = ?,"
                        + " review_after = ?, recorded_at = ?, reason = ?, linked = ? WHERE programme_id = ? AND request_id = ?")) {
            bindValues(ps, o);
            ps.setString(11, o.programmeId());
            ps.setString(12, o.requestId());
            return ps.executeUpdate();
        }
    }

    private int insert(Connection c, Outcome o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tf_outcome (" + COLUMNS
                + ", programme_id, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindValues(ps, o);
            ps.setString(11, o.programmeId());
            ps.setString(12, o.requestId());
            return ps.executeUpdate();
        }
    }

    private static void bindValues(PreparedStatement ps, Outcome o) throws SQLException {
        ps.setString(1, o.employeeId());
        ps.setString(2, o.status());
        ps.setString(3, Json.write(o.reaction()));
        ps.setString(4, Json.write(o.learning()));
        ps.setString(5, Json.write(o.followUps()));
        setDouble(ps, 6, o.lastReviewRating());
        setDouble(ps, 7, o.reviewAfter());
        if (o.recordedAt() == null) {
            ps.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(8, o.recordedAt().atOffset(ZoneOffset.UTC));
        }
        ps.setString(9, o.reason());
        ps.setString(10, o.linked());
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    @Override
    public List<Outcome> ofProgramme(String programmeId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT programme_id, request_id, " + COLUMNS
                    + " FROM tf_outcome WHERE programme_id = ? ORDER BY request_id")) {
                ps.setString(1, programmeId == null ? "" : programmeId);
                List<Outcome> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static Outcome read(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("recorded_at", OffsetDateTime.class);
        return new Outcome(
                rs.getString("programme_id"),
                rs.getString("request_id"),
                rs.getString("employee_id"),
                rs.getString("status"),
                Json.read(rs.getString("reaction_json"), MAP),
                Json.read(rs.getString("learning_json"), MAP),
                Json.read(rs.getString("follow_ups_json"), Object.class),
                rs.getObject("last_review_rating", Double.class),
                rs.getObject("review_after", Double.class),
                at == null ? null : at.toInstant(),
                rs.getString("reason"),
                rs.getString("linked"));
    }
}

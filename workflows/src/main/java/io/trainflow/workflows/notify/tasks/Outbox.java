package io.trainflow.workflows.notify.tasks;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Notifications to send, in table {@code tf_notification} (created if missing): written in the transaction that
 * creates the task, sent afterwards by a dispatcher that records each channel's outcome. Each row has a stable
 * key ({@code created:<task>:<person>}, {@code digest:<person>:<date>}): a second write of the same key is
 * ignored, so a notification exists once whatever retries.
 * <p>States: {@code pending} (to send), {@code held} (for the person's daily digest), {@code digested} (in a
 * digest row), {@code sent}, {@code skipped} (the task closed before it was sent). Channel states: null (not yet),
 * {@code attempted} (the call was started: ask or resend with the same id), {@code sent}, {@code refused},
 * {@code off} (channel not configured or no address).
 */
public final class Outbox {

    public static final String PENDING = "pending";
    public static final String HELD = "held";
    public static final String DIGESTED = "digested";
    public static final String SENT = "sent";
    public static final String SKIPPED = "skipped";
    public static final String DIGEST = "digest";

    /** One notification to one person. */
    public record Entry(
            String id,
            String key,
            String kind,
            String recipient,
            String taskId,
            String taskName,
            String requestId,
            String learner,
            Instant createdAt,
            String state,
            String digestId,
            String lmsState,
            String mailState) {}

    private static final String COLUMNS = "id, dedup_key, kind, recipient, task_id, task_name, request_id, learner,"
            + " created_at, state, digest_id, lms_state, mail_state";

    private final Jdbc jdbc;

    public Outbox(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource); // V4__task_notifications
    }

    /**
     * Adds a notification in the caller's transaction unless one with the same key exists (no unique-key error:
     * PostgreSQL would abort the engine's whole transaction).
     *
     * @return whether it was added
     */
    public static boolean add(
            Connection c,
            String key,
            String kind,
            String recipient,
            String taskId,
            String taskName,
            String requestId,
            String learner,
            Instant at,
            String state)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tf_notification (" + COLUMNS + ")"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL"
                + " WHERE NOT EXISTS (SELECT 1 FROM tf_notification WHERE dedup_key = ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, key);
            ps.setString(3, kind);
            ps.setString(4, recipient);
            ps.setString(5, taskId);
            ps.setString(6, cut(taskName, 400));
            ps.setString(7, cut(requestId, 200));
            ps.setString(8, cut(learner, 400));
            ps.setObject(9, at.atOffset(ZoneOffset.UTC));
            ps.setString(10, state);
            ps.setString(11, key);
            return ps.executeUpdate() > 0;
        }
    }

    /** The same, in a transaction of its own. */
    public boolean add(
            String key,
            String kind,
            String recipient,
            String taskId,
            String taskName,
            String requestId,
            String learner,
            Instant at) {
        return jdbc.inTransaction(c -> add(c, key, kind, recipient, taskId, taskName, requestId, learner, at, PENDING));
    }

    /** Up to {@code max} notifications in a state, oldest first. */
    public List<Entry> inState(String state, int max) {
        return query("SELECT " + COLUMNS + " FROM tf_notification WHERE state = ? ORDER BY created_at, id", max, state);
    }

    /** The notifications a digest row gathered. */
    public List<Entry> ofDigest(String digestId) {
        return query(
                "SELECT " + COLUMNS + " FROM tf_notification WHERE digest_id = ? ORDER BY created_at, id",
                10_000,
                digestId);
    }

    public Optional<Entry> byKey(String key) {
        return query("SELECT " + COLUMNS + " FROM tf_notification WHERE dedup_key = ?", 1, key).stream()
                .findFirst();
    }

    /** People with notifications held for their digest. */
    public List<String> holding() {
        return jdbc.inTransaction(c -> {
            List<String> people = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT recipient FROM tf_notification WHERE state = ? ORDER BY recipient")) {
                ps.setString(1, HELD);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        people.add(rs.getString(1));
                    }
                }
            }
            return people;
        });
    }

    /**
     * The person's digest under {@code key} gathering everything held for them, in one transaction: added (pending)
     * unless that key exists already (then nothing changes: one digest per key).
     */
    public Optional<String> gather(String recipient, String key, Instant at) {
        return jdbc.inTransaction(c -> {
            if (!add(c, key, DIGEST, recipient, null, null, null, null, at, PENDING)) {
                return Optional.empty();
            }
            String id;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tf_notification WHERE dedup_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tf_notification SET state = ?, digest_id = ? WHERE recipient = ? AND state = ?")) {
                ps.setString(1, DIGESTED);
                ps.setString(2, id);
                ps.setString(3, recipient);
                ps.setString(4, HELD);
                ps.executeUpdate();
            }
            return Optional.of(id);
        });
    }

    public void state(String id, String state, Instant at) {
        update(
                "UPDATE tf_notification SET state = ?, sent_at = ? WHERE id = ?",
                state,
                at == null ? null : at.atOffset(ZoneOffset.UTC),
                id);
    }

    /** Records a channel's outcome ({@code lms} or {@code mail}) before or after its call. */
    public void channel(String id, String channel, String state) {
        if (!channel.equals("lms") && !channel.equals("mail")) {
            throw new IllegalArgumentException("channel " + channel);
        }
        update("UPDATE tf_notification SET " + channel + "_state = ? WHERE id = ?", state, id);
    }

    private void update(String sql, Object... values) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    private List<Entry> query(String sql, int max, String value) {
        return jdbc.inTransaction(c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                ps.setMaxRows(max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getObject(9, OffsetDateTime.class).toInstant(),
                                rs.getString(10),
                                rs.getString(11),
                                rs.getString(12),
                                rs.getString(13)));
                    }
                }
            }
            return entries;
        });
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

package io.trainflow.plugin.lti;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The OIDC logins in flight ({@code tf_lti_state}: the state and nonce Trainflow sent to a platform, for which
 * platform and which browser, for {@link #LIFETIME}) and the nonces already used ({@code tf_lti_nonce}): a
 * launch consumes its state and its nonce in one transaction, so a replay is refused and a refusal changes nothing.
 */
public class LaunchStates {

    /** How long a platform may take between the login redirect and the launch. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Used nonces are kept well past any id_token's validity. */
    private static final Duration NONCE_MEMORY = Duration.ofDays(1);

    /**
     * @param storageTarget the platform's storage frame (LTI client-side postMessages), null when it offered none
     * @param storageHash   SHA-256 of the secret the login put into that storage, null without storage
     */
    record Pending(
            String state,
            String nonce,
            String platformId,
            String browser,
            Instant createdAt,
            Instant usedAt,
            String storageTarget,
            String storageHash) {}

    private final Jdbc jdbc;
    private final Clock clock;

    public LaunchStates(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        TrainflowSchema.ensure(dataSource); // V6__lti_tool, V11__lti_state_platform_storage
    }

    /** A new login for this platform and browser: its state and nonce (256 random bits each). */
    Pending begin(String platformId, String browser) {
        return begin(platformId, browser, null, null);
    }

    /** A new login whose state is also bound to a secret kept in the platform's storage frame (its SHA-256 here). */
    Pending begin(String platformId, String browser, String storageTarget, String storageHash) {
        Instant now = clock.instant();
        Pending pending = new Pending(
                Secrets.random(32), Secrets.random(32), platformId, browser, now, null, storageTarget, storageHash);
        jdbc.inTransaction(c -> {
            try (PreparedStatement old = c.prepareStatement("DELETE FROM tf_lti_state WHERE created_at < ?");
                    PreparedStatement ps =
                            c.prepareStatement("INSERT INTO tf_lti_state (state, nonce, platform_id, browser,"
                                    + " created_at, storage_target, storage_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                old.setObject(1, utc(now.minus(LIFETIME.multipliedBy(12))));
                old.executeUpdate();
                ps.setString(1, pending.state());
                ps.setString(2, pending.nonce());
                ps.setString(3, platformId);
                ps.setString(4, browser);
                ps.setObject(5, utc(now));
                ps.setString(6, storageTarget);
                ps.setString(7, storageHash);
                return ps.executeUpdate();
            }
        });
        return pending;
    }

    Optional<Pending> find(String state) {
        if (state == null || state.length() > 64) {
            return Optional.empty();
        }
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM tf_lti_state WHERE state = ?")) {
                ps.setString(1, state);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Pending(
                                    rs.getString("state"),
                                    rs.getString("nonce"),
                                    rs.getString("platform_id"),
                                    rs.getString("browser"),
                                    instant(rs, "created_at"),
                                    instant(rs, "used_at"),
                                    rs.getString("storage_target"),
                                    rs.getString("storage_hash")))
                            : Optional.<Pending>empty();
                }
            }
        });
    }

    boolean nonceUsed(String nonce) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tf_lti_nonce WHERE nonce = ?")) {
                ps.setString(1, nonce);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    boolean expired(Pending pending) {
        return clock.instant().isAfter(pending.createdAt().plus(LIFETIME));
    }

    /** Uses the state and the nonce, both once: false when either was used meanwhile (a concurrent replay). */
    boolean consume(String state, String nonce) {
        Instant now = clock.instant();
        try {
            return jdbc.inTransaction(c -> {
                try (PreparedStatement use = c.prepareStatement(
                                "UPDATE tf_lti_state SET used_at = ? WHERE state = ? AND used_at IS NULL");
                        PreparedStatement old = c.prepareStatement("DELETE FROM tf_lti_nonce WHERE used_at < ?");
                        PreparedStatement ps =
                                c.prepareStatement("INSERT INTO tf_lti_nonce (nonce, used_at) VALUES (?, ?)")) {
                    use.setObject(1, utc(now));
                    use.setString(2, state);
                    if (use.executeUpdate() != 1) {
                        throw new SQLException("state already used", "23000");
                    }
                    old.setObject(1, utc(now.minus(NONCE_MEMORY)));
                    old.executeUpdate();
                    ps.setString(1, nonce);
                    ps.setObject(2, utc(now));
                    return ps.executeUpdate() == 1;
                }
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isDuplicateKey(sql)) {
                return false;
            }
            throw e;
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

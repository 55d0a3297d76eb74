package io.trainflow.plugin.lti;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * One-time codes an admin makes for dynamic registration ({@code tf_lti_registration_link}, only their SHA-256
 * stored): a registered platform may assert who its users are, so no stranger may register one. The code rides in
 * the registration URL the Moodle admin pastes; it is used once, within {@link #LIFETIME}.
 */
class RegistrationLinks {

    static final Duration LIFETIME = Duration.ofDays(1);

    private final Jdbc jdbc;
    private final Clock clock;

    RegistrationLinks(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        TrainflowSchema.ensure(dataSource); // V6__lti_tool
    }

    /** A new code; only its hash is kept. */
    String create(String by) {
        String code = Secrets.random(24);
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tf_lti_registration_link (code_hash, created_by, expires_at) VALUES (?, ?, ?)")) {
                ps.setString(1, hash(code));
                ps.setString(2, by);
                ps.setObject(3, expiresAt().atOffset(ZoneOffset.UTC));
                return ps.executeUpdate();
            }
        });
        return code;
    }

    Instant expiresAt() {
        return clock.instant().plus(LIFETIME);
    }

    /** The code exists, is unused and unexpired. */
    boolean valid(String code) {
        if (code == null || code.length() > 64) {
            return false;
        }
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT expires_at, used_at FROM tf_lti_registration_link WHERE code_hash = ?")) {
                ps.setString(1, hash(code));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            && rs.getObject("used_at") == null
                            && clock.instant()
                                    .isBefore(rs.getObject("expires_at", OffsetDateTime.class)
                                            .toInstant());
                }
            }
        });
    }

    /** Uses the code: false when it was used meanwhile. */
    boolean use(String code) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tf_lti_registration_link SET used_at = ? WHERE code_hash = ? AND used_at IS NULL")) {
                ps.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
                ps.setString(2, hash(code));
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static String hash(String code) {
        return Secrets.sha256(code);
    }
}

package io.trainflow.plugin.lti;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which Trainflow person each platform account ({@code sub}) launched as ({@code tf_lti_account}): a later launch
 * of the same account without Moodle's username is still that person, and one naming another username is refused
 * (a Moodle account renamed onto someone else's username does not become them).
 */
class LtiAccounts {

    private final Jdbc jdbc;

    LtiAccounts(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource); // V6__lti_tool
    }

    Optional<String> username(String platformId, String sub) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT username FROM tf_lti_account WHERE platform_id = ? AND sub = ?")) {
                ps.setString(1, platformId);
                ps.setString(2, sub);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Remembers the account's person (first launch only; a concurrent first launch of the same account is fine). */
    void remember(String platformId, String sub, String username) {
        jdbc.inTransaction(c -> {
            Jdbc.upsert(c, x -> 0, x -> {
                try (PreparedStatement ps = x.prepareStatement("INSERT INTO tf_lti_account (platform_id, sub, username,"
                        + " first_launch) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, platformId);
                    ps.setString(2, sub);
                    ps.setString(3, username);
                    ps.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
                    return ps.executeUpdate();
                }
            });
            return null;
        });
    }
}

package io.trainflow.connectors.orangehrm.auth;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Tokens in Trainflow's database (table {@code tf_oauth_token}, created if absent; SQL that
 * H2 and PostgreSQL both run). The refresh token therefore survives a restart, and several app
 * instances sharing the database see the newest rotated token.
 */
public final class JdbcTokenStore implements TokenStore {

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcTokenStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        TrainflowSchema.ensure(dataSource);
    }

    @Override
    public Optional<OAuthTokens> load(String connection) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT access_token, refresh_token, expires_at "
                    + "FROM tf_oauth_token WHERE connection_key = ?")) {
                s.setString(1, connection);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    Timestamp expires = r.getTimestamp(3);
                    return Optional.of(new OAuthTokens(
                            r.getString(1), r.getString(2), expires == null ? null : expires.toInstant()));
                }
            }
        });
    }

    @Override
    public void save(String connection, OAuthTokens tokens) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp expires = tokens.expiresAt() == null ? null : Timestamp.from(tokens.expiresAt());
        jdbc.inTransaction(c -> {
            Jdbc.upsert(
                    c,
                    u -> {
                        try (PreparedStatement s = u.prepareStatement("UPDATE tf_oauth_token SET access_token = ?, "
                                + "refresh_token = ?, expires_at = ?, updated_at = ? WHERE connection_key = ?")) {
                            s.setString(1, tokens.accessToken());
                            s.setString(2, tokens.refreshToken());
                            s.setTimestamp(3, expires);
                            s.setTimestamp(4, now);
                            s.setString(5, connection);
                            return s.executeUpdate();
                        }
                    },
                    i -> {
                        try (PreparedStatement s = i.prepareStatement(
                                "INSERT INTO tf_oauth_token "
                                        + "(connection_key, access_token, refresh_token, expires_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                            s.setString(1, connection);
                            s.setString(2, tokens.accessToken());
                            s.setString(3, tokens.refreshToken());
                            s.setTimestamp(4, expires);
                            s.setTimestamp(5, now);
                            return s.executeUpdate();
                        }
                    });
            return null;
        });
    }

    @Override
    public void delete(String connection) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM tf_oauth_token WHERE connection_key = ?")) {
                s.setString(1, connection);
                return s.executeUpdate();
            }
        });
    }
}

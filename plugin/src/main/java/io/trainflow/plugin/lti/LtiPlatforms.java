package io.trainflow.plugin.lti;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The platforms and deployments Trainflow accepts launches from, in tables {@code tf_lti_platform} (one row per
 * issuer and client id) and {@code tf_lti_deployment}. Several platforms, and several deployments of each, at once.
 */
public class LtiPlatforms {

    private final Jdbc jdbc;

    public LtiPlatforms(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource); // V6__lti_tool
    }

    /**
     * Registers a platform, or adds deployments to the one with the same issuer and client id.
     *
     * @throws TrainflowProblem.InvalidInput naming the field that is missing or not an http(s) URL
     */
    public Platform register(Platform platform, String by) {
        require("issuer", platform.issuer(), true);
        require("clientId", platform.clientId(), false);
        require("authLoginUrl", platform.authLoginUrl(), true);
        require("jwksUrl", platform.jwksUrl(), true);
        if (platform.tokenUrl() != null && !platform.tokenUrl().isBlank()) {
            require("tokenUrl", platform.tokenUrl(), true);
        }
        if (platform.deploymentIds().isEmpty()
                || platform.deploymentIds().stream().anyMatch(d -> d == null || d.isBlank())) {
            throw new TrainflowProblem.InvalidInput("deploymentIds", "name at least one deployment id, none blank");
        }
        return jdbc.inTransaction(c -> {
            String id = find(c, platform.issuer(), platform.clientId())
                    .map(Platform::id)
                    .orElse(null);
            if (id == null) {
                id = UUID.randomUUID().toString();
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO tf_lti_platform (id, name, issuer, client_id,"
                                + " auth_login_url, token_url, jwks_url, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setString(
                            2,
                            platform.name() == null || platform.name().isBlank() ? platform.issuer() : platform.name());
                    ps.setString(3, platform.issuer());
                    ps.setString(4, platform.clientId());
                    ps.setString(5, platform.authLoginUrl());
                    ps.setString(6, platform.tokenUrl());
                    ps.setString(7, platform.jwksUrl());
                    ps.setObject(8, Instant.now().atOffset(ZoneOffset.UTC));
                    ps.setString(9, by);
                    ps.executeUpdate();
                }
            } else {
                // a new registration of a known platform: its endpoints may have moved
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE tf_lti_platform SET auth_login_url = ?, token_url = ?,"
                                + " jwks_url = ? WHERE id = ?")) {
                    ps.setString(1, platform.authLoginUrl());
                    ps.setString(2, platform.tokenUrl());
                    ps.setString(3, platform.jwksUrl());
                    ps.setString(4, id);
                    ps.executeUpdate();
                }
            }
            for (String deployment : platform.deploymentIds()) {
                String platformId = id;
                Jdbc.upsert(c, x -> 0, x -> {
                    try (PreparedStatement ps = x.prepareStatement(
                            "INSERT INTO tf_lti_deployment (platform_id, deployment_id) VALUES (?, ?)")) {
                        ps.setString(1, platformId);
                        ps.setString(2, deployment);
                        return ps.executeUpdate();
                    }
                });
            }
            return find(c, platform.issuer(), platform.clientId()).orElseThrow();
        });
    }

    public Optional<Platform> find(String issuer, String clientId) {
        return jdbc.inTransaction(c -> find(c, issuer, clientId));
    }

    /** The platforms with this issuer (one per client id Trainflow has there). */
    public List<Platform> byIssuer(String issuer) {
        return jdbc.inTransaction(
                c -> query(c, "SELECT * FROM tf_lti_platform WHERE issuer = ? ORDER BY created_at", issuer));
    }

    /**
     * Removes a platform with its deployments, its accounts and its logins in flight: its launches are refused from
     * then on, and the pages it launched stop working ({@link LaunchTokenFilter} checks the platform).
     *
     * @return false when no such platform was registered
     */
    public boolean delete(String id) {
        return jdbc.inTransaction(c -> {
            for (String table : List.of("tf_lti_deployment", "tf_lti_account", "tf_lti_state")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE platform_id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tf_lti_platform WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public boolean exists(String id) {
        return id != null
                && jdbc.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tf_lti_platform WHERE id = ?")) {
                        ps.setString(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    }
                });
    }

    public Optional<Platform> byId(String id) {
        return id == null
                ? Optional.empty()
                : jdbc.inTransaction(c -> query(c, "SELECT * FROM tf_lti_platform WHERE id = ?", id).stream()
                        .findFirst());
    }

    public List<Platform> all() {
        return jdbc.inTransaction(c -> query(c, "SELECT * FROM tf_lti_platform ORDER BY created_at"));
    }

    private Optional<Platform> find(Connection c, String issuer, String clientId) throws SQLException {
        return query(c, "SELECT * FROM tf_lti_platform WHERE issuer = ? AND client_id = ?", issuer, clientId).stream()
                .findFirst();
    }

    private static List<Platform> query(Connection c, String sql, String... args) throws SQLException {
        List<Platform> platforms = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    platforms.add(new Platform(
                            rs.getString("id"),
                            rs.getString("name"),
                            rs.getString("issuer"),
                            rs.getString("client_id"),
                            rs.getString("auth_login_url"),
                            rs.getString("token_url"),
                            rs.getString("jwks_url"),
                            deployments(c, rs.getString("id"))));
                }
            }
        }
        return platforms;
    }

    private static List<String> deployments(Connection c, String platformId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT deployment_id FROM tf_lti_deployment WHERE platform_id = ? ORDER BY deployment_id")) {
            ps.setString(1, platformId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static void require(String field, String value, boolean url) {
        if (value == null || value.isBlank() || value.length() > 1000) {
            throw new TrainflowProblem.InvalidInput(field, "required, at most 1000 characters");
        }
        if (url && PlatformCalls.httpUri(value).isEmpty()) {
            throw new TrainflowProblem.InvalidInput(field, "must be an http(s) URL");
        }
    }
}

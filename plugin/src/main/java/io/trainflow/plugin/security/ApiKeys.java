package io.trainflow.plugin.security;

import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * API keys in table {@code tf_api_key}: only the SHA-256 of each key is stored (a key is 256 random
 * bits, so no slow hash is needed), with the person it acts as, its scopes, who made it, when it expires,
 * when it was last used (written at most once a minute) and when it was revoked. Revocation takes effect
 * on the next call: keys are looked up on every use.
 */
public final class ApiKeys {

    static final String PREFIX = "tfk_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    public record Key(
            String id,
            String name,
            String username,
            Set<ApiKeyScope> scopes,
            Instant createdAt,
            String createdBy,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt) {}

    public record Created(Key key, String secret) {}

    private final Jdbc jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> lastUseWritten = new ConcurrentHashMap<>();

    public ApiKeys(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        TrainflowSchema.ensure(dataSource);
    }

    /**
     * A key acts as a person Trainflow knows: an employee of the HCM or a member of one of Trainflow's groups
     * (a machine's own identity is not supported).
     */
    public static void requireKnownPerson(
            String username, String field, HcmPort hcm, Function<String, Set<String>> groupsOf) {
        if (hcm.employeeByUsername(username).isEmpty()
                && groupsOf.apply(username).isEmpty()) {
            throw new TrainflowProblem.InvalidInput(
                    field, "'" + username + "' is not a person of the HCM nor a member of a" + " Trainflow group");
        }
    }

    public Created create(String name, String username, Set<ApiKeyScope> scopes, Instant expiresAt, String createdBy) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Key key = new Key(
                UUID.randomUUID().toString(),
                name,
                username,
                scopes,
                clock.instant(),
                createdBy,
                expiresAt,
                null,
                null);
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tf_api_key (id, key_hash, name, username,"
                    + " scopes, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, key.id());
                ps.setString(2, hash(secret));
                ps.setString(3, name);
                ps.setString(4, username);
                ps.setString(5, scopes.stream().map(ApiKeyScope::value).collect(Collectors.joining(" ")));
                ps.setObject(6, utc(key.createdAt()));
                ps.setString(7, createdBy);
                ps.setObject(8, utc(expiresAt));
                return ps.executeUpdate();
            }
        });
        return new Created(key, secret);
    }

    /** The live key with this secret: not revoked, not expired. */
    public Optional<Key> use(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Key> key = jdbc.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM tf_api_key WHERE key_hash = ?")) {
                        ps.setString(1, hash(secret));
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? Optional.of(read(rs)) : Optional.<Key>empty();
                        }
                    }
                })
                .filter(k -> k.revokedAt() == null && (k.expiresAt() == null || now.isBefore(k.expiresAt())));
        key.ifPresent(k -> noteUse(k.id(), now));
        return key;
    }

    List<Key> list() {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM tf_api_key ORDER BY created_at DESC");
                    ResultSet rs = ps.executeQuery()) {
                List<Key> keys = new ArrayList<>();
                while (rs.next()) {
                    keys.add(read(rs));
                }
                return keys;
            }
        });
    }

    /** @return false when there is no such key */
    boolean revoke(String id) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE tf_api_key SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")) {
                ps.setObject(1, utc(clock.instant()));
                ps.setString(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private void noteUse(String id, Instant now) {
        Instant written = lastUseWritten.get(id);
        if (written != null && now.isBefore(written.plus(LAST_USED_RESOLUTION))) {
            return;
        }
        lastUseWritten.put(id, now);
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tf_api_key SET last_used_at = ? WHERE id = ?")) {
                ps.setObject(1, utc(now));
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private static Key read(ResultSet rs) throws SQLException {
        Set<ApiKeyScope> scopes = java.util.Arrays.stream(rs.getString("scopes").split(" "))
                .map(ApiKeyScope::of)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(ApiKeyScope.class)));
        return new Key(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("username"),
                scopes,
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "expires_at"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

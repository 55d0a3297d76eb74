package io.trainflow.plugin.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Trainflow's own RSA key pair as an LTI tool: generated once (2048 bits, by Nimbus) and kept in table
 * {@code tf_lti_tool_key}, so every node and every restart signs with the same key. It signs the embedded
 * pages' session tokens, deep-linking responses and client assertions; platforms read the public half at
 * {@code /lti/jwks}. The private half never leaves this class and is never logged.
 *
 * <p>An admin rotates it ({@link #rotate}): the new key ({@code current}) signs from then on; the old one
 * ({@code previous}) stays in {@code /lti/jwks} and is still accepted for the grace period, so a platform that cached
 * the key set and pages launched before keep working. Every node re-reads the keys at least every
 * {@link #RELOAD}, and at once when a token names a key id it does not hold.
 */
public class ToolKeys {

    static final Duration RELOAD = Duration.ofSeconds(30);

    /** A key as an admin sees it: its id, whether it signs, since when, and until when a previous key is served. */
    public record KeyInfo(String keyId, String state, Instant createdAt, Instant servedUntil) {}

    private record Loaded(RSAKey current, Instant currentSince, RSAKey previous, Instant previousUntil, Instant at) {}

    private final Jdbc jdbc;
    private final Clock clock;
    private final Duration grace;
    private volatile Loaded loaded;

    public ToolKeys(DataSource dataSource) {
        this(dataSource, Clock.systemUTC(), Duration.ofHours(24));
    }

    public ToolKeys(DataSource dataSource, Clock clock, Duration grace) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.grace = grace;
        TrainflowSchema.ensure(dataSource); // V6__lti_tool
        jdbc.inTransaction(c -> {
            if (read(c, "current") == null) {
                // under a savepoint: PostgreSQL aborts the whole transaction on the duplicate key of a node that
                // generated it at the same moment (two nodes starting together), and the read below must still run
                java.sql.Savepoint before = c.setSavepoint();
                try {
                    insertCurrent(c, generate(), clock.instant());
                    c.releaseSavepoint(before);
                } catch (SQLException e) {
                    if (!Jdbc.isDuplicateKey(e)) {
                        throw e;
                    }
                    c.rollback(before); // another node generated it first: use theirs
                }
            }
            return null;
        });
        reload();
    }

    /** The public key set published at /lti/jwks: the current key, and the previous one during its grace period. */
    public Map<String, Object> publicJwks() {
        List<JWK> keys = new ArrayList<>();
        for (RSAKey key : accepted()) {
            keys.add(key.toPublicJWK());
        }
        return new JWKSet(keys).toJSONObject(true);
    }

    public String keyId() {
        return keys().current().getKeyID();
    }

    /** A JWT signed with the tool's current key (RS256, {@code kid} in the header). */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = keys().current();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with the tool key failed", e);
        }
    }

    /** The claims of a JWT this tool signed with a key it still accepts; empty when it is not one. */
    public Optional<JWTClaimsSet> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            String kid = jwt.getHeader().getKeyID();
            Optional<RSAKey> key =
                    accepted().stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
            if (key.isEmpty()
                    && kid != null
                    && clock.instant().isAfter(loaded.at().plusSeconds(5))) {
                reload(); // another node may have rotated the key
                key = accepted().stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
            }
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get().toRSAPublicKey()))) {
                return Optional.empty();
            }
            return Optional.of(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    /**
     * A new current key; the current one becomes the previous (the one before is dropped).
     *
     * @return the keys after the rotation
     */
    public List<KeyInfo> rotate() {
        Instant now = clock.instant();
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT slot FROM tf_lti_tool_key WHERE slot = 'current' FOR UPDATE")) {
                ps.executeQuery().close(); // one rotation at a time
            }
            update(c, "DELETE FROM tf_lti_tool_key WHERE slot = 'previous'");
            update(c, "UPDATE tf_lti_tool_key SET slot = 'previous' WHERE slot = 'current'");
            insertCurrent(c, generate(), now);
            return null;
        });
        reload();
        return info();
    }

    /** The keys: the current one and, during its grace period, the previous one. */
    public List<KeyInfo> info() {
        Loaded keys = keys();
        List<KeyInfo> info = new ArrayList<>();
        info.add(new KeyInfo(keys.current().getKeyID(), "current", keys.currentSince(), null));
        if (keys.previous() != null && clock.instant().isBefore(keys.previousUntil())) {
            info.add(new KeyInfo(keys.previous().getKeyID(), "previous", null, keys.previousUntil()));
        }
        return info;
    }

    private List<RSAKey> accepted() {
        Loaded keys = keys();
        return keys.previous() != null && clock.instant().isBefore(keys.previousUntil())
                ? List.of(keys.current(), keys.previous())
                : List.of(keys.current());
    }

    private Loaded keys() {
        Loaded keys = loaded;
        if (keys == null || clock.instant().isAfter(keys.at().plus(RELOAD))) {
            return reload();
        }
        return keys;
    }

    private Loaded reload() {
        Loaded keys = jdbc.inTransaction(c -> {
            Stored current = read(c, "current");
            Stored previous = read(c, "previous");
            return new Loaded(
                    parse(current.jwk()),
                    current.createdAt(),
                    previous == null ? null : parse(previous.jwk()),
                    current.createdAt().plus(grace),
                    clock.instant());
        });
        loaded = keys;
        return keys;
    }

    private record Stored(String jwk, Instant createdAt) {}

    private static Stored read(Connection c, String slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT jwk, created_at FROM tf_lti_tool_key WHERE slot = ?")) {
            ps.setString(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new Stored(
                                rs.getString(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant())
                        : null;
            }
        }
    }

    private static void insertCurrent(Connection c, RSAKey key, Instant at) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO tf_lti_tool_key (slot, jwk, created_at) VALUES ('current', ?, ?)")) {
            ps.setString(1, key.toJSONString());
            ps.setObject(2, at.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the LTI tool key", e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("the stored LTI tool key (tf_lti_tool_key) is not an RSA JWK", e);
        }
    }
}

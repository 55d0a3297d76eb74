package io.trainflow.plugin.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Trainflow's own RSA key pair as an LTI tool: generated once (2048 bits, by Nimbus) and kept in table
 * {@code tf_lti_tool_key}, so every node and every restart signs with the same key. It signs the embedded
 * pages' session tokens, deep-linking responses and client assertions; platforms read the public half at
 * {@code /lti/jwks}. The private half never leaves this class and is never logged.
 */
public class ToolKeys {

    private final RSAKey key;

    public ToolKeys(DataSource dataSource) {
        Jdbc jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource); // V6__lti_tool
        this.key = jdbc.inTransaction(c -> {
            String stored = read(c);
            if (stored == null) {
                // under a savepoint: PostgreSQL aborts the whole transaction on the duplicate key of a node that
                // generated it at the same moment (two nodes starting together), and the read below must still run
                java.sql.Savepoint before = c.setSavepoint();
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO tf_lti_tool_key (slot, jwk, created_at) VALUES ('current', ?, ?)")) {
                    ps.setString(1, generate().toJSONString());
                    ps.setObject(2, Instant.now().atOffset(ZoneOffset.UTC));
                    ps.executeUpdate();
                    c.releaseSavepoint(before);
                } catch (SQLException e) {
                    if (!Jdbc.isDuplicateKey(e)) {
                        throw e;
                    }
                    c.rollback(before); // another node generated it first: use theirs
                }
                stored = read(c);
            }
            return parse(stored);
        });
    }

    /** The public key set published at /lti/jwks. */
    public Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** A JWT signed with the tool's key (RS256, {@code kid} in the header). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with the tool key failed", e);
        }
    }

    /** The claims of a JWT this tool signed; empty when it is not one (bad signature, not a JWT). */
    public java.util.Optional<JWTClaimsSet> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException e) {
            return java.util.Optional.empty();
        }
    }

    private static String read(java.sql.Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT jwk FROM tf_lti_tool_key WHERE slot = 'current'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
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

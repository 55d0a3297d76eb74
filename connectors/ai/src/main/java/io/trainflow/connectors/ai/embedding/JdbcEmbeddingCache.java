package io.trainflow.connectors.ai.embedding;

import io.trainflow.connectors.jdbc.Jdbc;
import io.trainflow.connectors.jdbc.TrainflowSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Course vectors in table {@code tf_ai_course_vector} (created if missing). Vectors are Base64 text so the
 * same DDL runs on H2 and PostgreSQL (binary column types differ between the two).
 */
public final class JdbcEmbeddingCache implements EmbeddingCache {

    private final Jdbc jdbc;

    public JdbcEmbeddingCache(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        TrainflowSchema.ensure(dataSource);
    }

    @Override
    public Optional<Map<String, float[]>> load(String embedder, String catalogueVersion) {
        Map<String, float[]> vectors = jdbc.inTransaction(c -> {
            Map<String, float[]> found = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT content_key, vector FROM tf_ai_course_vector"
                    + " WHERE embedder = ? AND catalogue_version = ?")) {
                ps.setString(1, embedder);
                ps.setString(2, catalogueVersion);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), Vectors.fromBase64(rs.getString(2)));
                    }
                }
            }
            return found;
        });
        return vectors.isEmpty() ? Optional.empty() : Optional.of(vectors);
    }

    @Override
    public void store(String embedder, String catalogueVersion, Map<String, float[]> vectors) {
        // replace the version as a whole in one transaction: a reader sees the old set or the new one
        jdbc.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM tf_ai_course_vector" + " WHERE embedder = ? AND catalogue_version = ?")) {
                del.setString(1, embedder);
                del.setString(2, catalogueVersion);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO tf_ai_course_vector"
                    + " (embedder, catalogue_version, content_key, vector) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    ins.setString(1, embedder);
                    ins.setString(2, catalogueVersion);
                    ins.setString(3, e.getKey());
                    ins.setString(4, Vectors.toBase64(e.getValue()));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }
}

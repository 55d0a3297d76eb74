package io.trainflow.connectors.ai.embedding;

import java.util.Map;
import java.util.Optional;

/**
 * Course vectors of one catalogue version, persisted so a restart does not re-embed the catalogue.
 * Keys of the map are {@link CourseTexts#contentKey content keys}, values normalised vectors.
 */
public interface EmbeddingCache {

    Optional<Map<String, float[]>> load(String embedder, String catalogueVersion);

    void store(String embedder, String catalogueVersion, Map<String, float[]> vectors);

    /** No persistence: vectors live as long as the process (tests, one-off runs). */
    static EmbeddingCache none() {
        return new EmbeddingCache() {
            @Override
            public Optional<Map<String, float[]>> load(String embedder, String catalogueVersion) {
                return Optional.empty();
            }

            @Override
            public void store(String embedder, String catalogueVersion, Map<String, float[]> vectors) {}
        };
    }
}

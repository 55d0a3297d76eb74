package io.trainflow.connectors.ai.testdata;

import io.trainflow.connectors.ai.embedding.EmbeddingCache;
import io.trainflow.connectors.ai.embedding.MiniLmEmbedder;
import io.trainflow.connectors.ai.offline.OfflineAi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The real offline engine, loaded once per test JVM (the ONNX session takes a second or two). */
public final class TestEngines {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

    private static OfflineAi offline;

    private TestEngines() {}

    public static synchronized OfflineAi offline() {
        if (offline == null) {
            offline = new OfflineAi(
                    MiniLmEmbedder.shared(MiniLmEmbedder.Variant.QUANTISED),
                    EmbeddingCache.none(),
                    OfflineAi.DEFAULT_FLOOR,
                    CLOCK);
            offline.indexCatalogue(Sample.catalogue());
        }
        return offline;
    }
}

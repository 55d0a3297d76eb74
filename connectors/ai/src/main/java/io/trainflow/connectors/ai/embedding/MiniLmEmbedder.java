package io.trainflow.connectors.ai.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (384 dimensions) run in-process by ONNX Runtime from the model file inside a Maven jar:
 * no download, no network. The variant classes are loaded by name so that the 83 MB full-precision jar is
 * only needed on the class path by whoever chooses it (the quantised 16 MB jar is the shipped default).
 * One instance per variant and JVM: loading the ONNX session costs hundreds of milliseconds and memory.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    public enum Variant {
        QUANTISED(
                "all-minilm-l6-v2-q",
                "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel"),
        FULL("all-minilm-l6-v2", "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel");

        final String modelName;
        final String className;

        Variant(String modelName, String className) {
            this.modelName = modelName;
            this.className = className;
        }

        public static Variant parse(String value) {
            return value == null || value.isBlank()
                    ? QUANTISED
                    : valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }

    private static final Map<Variant, MiniLmEmbedder> SHARED = new EnumMap<>(Variant.class);

    private final Variant variant;
    private final EmbeddingModel model;

    private MiniLmEmbedder(Variant variant, EmbeddingModel model) {
        this.variant = variant;
        this.model = model;
    }

    /** The JVM-wide instance of {@code variant}, loaded on first use. */
    public static synchronized MiniLmEmbedder shared(Variant variant) {
        return SHARED.computeIfAbsent(variant, MiniLmEmbedder::load);
    }

    /** A fresh instance (measurements of load time need one). */
    public static MiniLmEmbedder load(Variant variant) {
        OrtNatives.install(OrtNatives.userCache());
        try {
            Object model = Class.forName(variant.className).getConstructor().newInstance();
            return new MiniLmEmbedder(variant, (EmbeddingModel) model);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("model jar for " + variant.modelName + " is not on the class path", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + variant.modelName + ": " + e.getMessage(), e);
        }
    }

    public Variant variant() {
        return variant;
    }

    @Override
    public String name() {
        return variant.modelName;
    }

    @Override
    public float[] embed(String text) {
        return Vectors.normalise(model.embed(segment(text)).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<Embedding> embeddings = model.embedAll(
                        texts.stream().map(MiniLmEmbedder::segment).toList())
                .content();
        return embeddings.stream().map(e -> Vectors.normalise(e.vector())).toList();
    }

    // LangChain4j rejects blank segments; an empty course summary must still rank (low), not fail
    private static TextSegment segment(String text) {
        return TextSegment.from(text == null || text.isBlank() ? "(no text)" : text);
    }
}

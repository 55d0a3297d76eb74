package io.trainflow.connectors.ai.embedding;

import java.util.List;

/** Turns text into a unit-length vector; cosine similarity of two outputs is then their dot product. */
public interface TextEmbedder {

    /** Stable name of the model, part of every cache key and of the provenance ("all-minilm-l6-v2-q"). */
    String name();

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}

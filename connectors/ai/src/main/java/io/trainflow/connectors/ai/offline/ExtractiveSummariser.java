package io.trainflow.connectors.ai.offline;

import io.trainflow.connectors.ai.embedding.TextEmbedder;
import io.trainflow.connectors.ai.embedding.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Picks the sentences that best represent all feedback: highest cosine to the centroid of every
 * sentence's embedding (embedding centrality), skipping near-duplicates of a sentence already picked so
 * that three people saying the same thing do not fill the summary. Returns sentences verbatim, in the
 * order they were written: it cannot invent anything.
 */
final class ExtractiveSummariser {

    /** Above this cosine two sentences say the same thing. */
    static final double DUPLICATE = 0.9;

    private final TextEmbedder embedder;

    ExtractiveSummariser(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    List<String> pick(List<String> comments, int max) {
        List<String> sentences = Sentences.of(comments);
        if (max <= 0 || sentences.isEmpty()) {
            return List.of();
        }
        if (sentences.size() <= max) {
            return sentences;
        }
        List<float[]> vectors = embedder.embedAll(sentences);
        float[] sum = new float[vectors.get(0).length];
        vectors.forEach(v -> {
            for (int d = 0; d < v.length; d++) {
                sum[d] += v[d];
            }
        });
        float[] centroid = Vectors.normalise(sum);
        double[] centrality =
                vectors.stream().mapToDouble(v -> Vectors.cosine(v, centroid)).toArray();
        List<Integer> order = IntStream.range(0, sentences.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -centrality[i])
                        .thenComparing(i -> i))
                .toList();
        List<Integer> picked = new ArrayList<>();
        for (int i : order) {
            if (picked.size() == max) {
                break;
            }
            if (picked.stream().noneMatch(p -> Vectors.cosine(vectors.get(p), vectors.get(i)) > DUPLICATE)) {
                picked.add(i);
            }
        }
        picked.sort(Comparator.naturalOrder());
        return picked.stream().map(sentences::get).toList();
    }
}

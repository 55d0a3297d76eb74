package io.trainflow.connectors.ai.embedding;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.offline.OfflineAi;
import io.trainflow.connectors.ai.testdata.PrecisionAtK;
import io.trainflow.connectors.ai.testdata.Sample;
import io.trainflow.connectors.ai.testdata.TestEngines;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Quantised against full-precision all-MiniLM-L6-v2: load time, latency per embedding (one at a time and
 * in a batch) and ranking quality on the labelled gaps. The two variants are timed in alternating rounds
 * and the median round reported, so that load from other processes hits both alike. A measurement, not
 * a test (it loads the 83 MB model); run with
 * {@code mvn -B -q -pl connectors/ai -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.trainflow.connectors.ai.embedding.EmbeddingVariantsMeasurement}.
 */
public final class EmbeddingVariantsMeasurement {

    private static final int ROUNDS = 7;

    private EmbeddingVariantsMeasurement() {}

    public static void main(String[] args) {
        List<CourseCandidate> catalogue = Sample.catalogue();
        List<String> texts =
                new ArrayList<>(catalogue.stream().map(CourseTexts::course).toList());
        Sample.labelledGaps().forEach(g -> texts.add(CourseTexts.gap(g.need())));
        Map<MiniLmEmbedder.Variant, MiniLmEmbedder> models = new EnumMap<>(MiniLmEmbedder.Variant.class);
        Map<MiniLmEmbedder.Variant, Double> load = new EnumMap<>(MiniLmEmbedder.Variant.class);
        Map<MiniLmEmbedder.Variant, List<Double>> single = new EnumMap<>(MiniLmEmbedder.Variant.class);
        Map<MiniLmEmbedder.Variant, List<Double>> batch = new EnumMap<>(MiniLmEmbedder.Variant.class);
        for (MiniLmEmbedder.Variant v : MiniLmEmbedder.Variant.values()) {
            long t0 = System.nanoTime();
            models.put(v, MiniLmEmbedder.load(v));
            models.get(v).embed("warm-up");
            load.put(v, (System.nanoTime() - t0) / 1e6);
            for (int i = 0; i < 2; i++) {
                texts.forEach(models.get(v)::embed); // warm the JIT and ONNX Runtime before timing
            }
            single.put(v, new ArrayList<>());
            batch.put(v, new ArrayList<>());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (MiniLmEmbedder.Variant v : MiniLmEmbedder.Variant.values()) {
                long s = System.nanoTime();
                texts.forEach(models.get(v)::embed);
                single.get(v).add((System.nanoTime() - s) / 1e6 / texts.size());
                long b = System.nanoTime();
                models.get(v).embedAll(texts);
                batch.get(v).add((System.nanoTime() - b) / 1e6 / texts.size());
            }
        }
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "%-20s %9s %16s %15s %8s %8s %6s%n",
                "variant",
                "load ms",
                "one-by-one ms/t",
                "batched ms/t",
                "P@3",
                "nP@3",
                "hit@1"));
        for (MiniLmEmbedder.Variant v : MiniLmEmbedder.Variant.values()) {
            OfflineAi ai =
                    new OfflineAi(models.get(v), EmbeddingCache.none(), OfflineAi.DEFAULT_FLOOR, TestEngines.CLOCK);
            PrecisionAtK quality = PrecisionAtK.measure(ai, Sample.labelledGaps(), catalogue);
            report.append(String.format(
                    Locale.ROOT,
                    "%-20s %9.0f %16.2f %15.2f %8.3f %8.3f %6.3f%n",
                    models.get(v).name(),
                    load.get(v),
                    median(single.get(v)),
                    median(batch.get(v)),
                    quality.precisionAt3(),
                    quality.normalisedPrecisionAt3(),
                    quality.hitAt1()));
            report.append("    misses: ").append(quality.misses()).append('\n');
        }
        System.out.println("[variant measurement] " + texts.size() + " texts, " + ROUNDS
                + " alternating rounds (median), " + Runtime.getRuntime().availableProcessors() + " cores\n" + report);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

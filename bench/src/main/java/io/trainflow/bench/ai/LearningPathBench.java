package io.trainflow.bench.ai;

import io.trainflow.bench.measure.HeapSampler;
import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.CourseMatch;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.embedding.EmbeddingCache;
import io.trainflow.connectors.ai.embedding.FileEmbeddingCache;
import io.trainflow.connectors.ai.embedding.MiniLmEmbedder;
import io.trainflow.connectors.ai.offline.OfflineAi;
import io.trainflow.connectors.ai.port.PathItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Learning paths for a whole organisation with the offline engine: every employee's gaps ranked against
 * the whole catalogue and the chosen courses explained, on a fixed pool of threads (one per core). The
 * catalogue is embedded once per catalogue version (cold file cache, counted in the wall time). Baseline in
 * the same run: brute force, re-embedding the catalogue for every employee, measured on a few employees
 * and extrapolated (at ~1,000 embeddings per employee it would take hours for everyone).
 *
 * <pre>java -Xmx2g -XX:ActiveProcessorCount=2 -cp bench/target/trainflow-bench.jar io.trainflow.bench.ai.LearningPathBench
 *     [--employees 10000] [--courses 1000] [--baseline-employees 5]</pre>
 */
public final class LearningPathBench {

    public static void main(String[] args) throws Exception {
        int employees = option(args, "--employees", 10_000);
        int courses = option(args, "--courses", 1_000);
        int baselineEmployees = option(args, "--baseline-employees", 5);
        int threads = Runtime.getRuntime().availableProcessors();
        SyntheticCatalogue data = new SyntheticCatalogue(courses, 42);
        List<List<SkillNeed>> gaps = data.employees(employees);
        System.out.printf(
                Locale.ROOT,
                "catalogue %d courses, %d skills; %d employees, %d gaps; %d threads%n",
                courses,
                data.skills().size(),
                employees,
                gaps.stream().mapToInt(List::size).sum(),
                threads);

        MiniLmEmbedder embedder = MiniLmEmbedder.shared(MiniLmEmbedder.Variant.QUANTISED);
        embedder.embed("warm-up"); // model load is start-up, not per organisation
        Path cacheDir = Files.createTempDirectory("trainflow-bench-ai");

        // Trainflow: index once (cold cache), then every employee
        long[] latency = new long[employees];
        long peak;
        long start = System.nanoTime();
        long indexNanos;
        try (HeapSampler heap = HeapSampler.start()) {
            OfflineAi ai = new OfflineAi(
                    embedder, new FileEmbeddingCache(cacheDir), OfflineAi.DEFAULT_FLOOR, Clock.systemUTC());
            ai.indexCatalogue(data.courses());
            indexNanos = System.nanoTime() - start;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < employees; i++) {
                int e = i;
                done.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    path(ai, gaps.get(e), data);
                    latency[e] = System.nanoTime() - t0;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            peak = heap.peakBytes();
        }
        long wall = System.nanoTime() - start;

        // Brute force: a fresh engine without cache per employee, so the catalogue is embedded each time
        long[] base = new long[Math.min(baselineEmployees, employees)];
        long basePeak;
        try (HeapSampler heap = HeapSampler.start()) {
            for (int e = 0; e < base.length; e++) {
                long t0 = System.nanoTime();
                OfflineAi fresh =
                        new OfflineAi(embedder, EmbeddingCache.none(), OfflineAi.DEFAULT_FLOOR, Clock.systemUTC());
                path(fresh, gaps.get(e), data);
                base[e] = System.nanoTime() - t0;
            }
            basePeak = heap.peakBytes();
        }
        double baseMean = Arrays.stream(base).average().orElse(0) / 1e9;

        Arrays.sort(latency);
        System.out.println();
        System.out.println("| engine | employees | wall time | per employee p50 | p95 | peak heap |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf(
                Locale.ROOT,
                "| Trainflow: catalogue embedded once (%.1f s of the wall time), cached | %d | %.1f s | %.2f ms | %.2f ms | %d MiB |%n",
                indexNanos / 1e9,
                employees,
                wall / 1e9,
                latency[employees / 2] / 1e6,
                latency[(int) (employees * 0.95)] / 1e6,
                peak >> 20);
        Arrays.sort(base);
        System.out.printf(
                Locale.ROOT,
                "| brute force: catalogue re-embedded per employee | %d measured, %d extrapolated | %.0f s (%.1f h) extrapolated, 1 thread; /%d threads: %.1f h | %.0f ms | %.0f ms (max of %d) | %d MiB |%n",
                base.length,
                employees,
                baseMean * employees,
                baseMean * employees / 3600,
                threads,
                baseMean * employees / 3600 / threads,
                base[base.length / 2] / 1e6,
                base[base.length - 1] / 1e6,
                base.length,
                basePeak >> 20);
        System.out.printf(
                Locale.ROOT,
                "%nspeed-up per employee (median): %.0fx%n",
                (double) base[base.length / 2] / latency[employees / 2]);
    }

    /** What RankLearningPathHandler asks of the port: a ranking per gap, the best course per gap, explained. */
    static void path(AiPort ai, List<SkillNeed> gaps, SyntheticCatalogue data) {
        List<PathItem> items = new ArrayList<>();
        for (SkillNeed need : gaps) {
            List<CourseMatch> ranked = ai.rankCourses(need, data.courses()).value();
            CourseMatch best = ranked.get(0);
            items.add(new PathItem(need, data.course(best.courseId()), best.similarity()));
        }
        ai.explainPath(null, items);
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}

package io.trainflow.connectors.ai.embedding;

import io.trainflow.connectors.ai.CourseCandidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Course vectors, computed once per catalogue version and never per request. {@link #index} is called
 * when the catalogue is loaded or changes: it reads the version from the cache or embeds the courses
 * not yet known and stores the version. Ranking then only looks vectors up by content key; a candidate
 * nobody indexed (the app skipped {@code index}) is embedded once and its candidate set stored as a version.
 */
public final class CourseEmbeddings {

    private final TextEmbedder embedder;
    private final EmbeddingCache cache;
    private final Map<String, float[]> byContent = new ConcurrentHashMap<>();
    /** Content key per candidate record: ranking 1,000 courses must not hash 1,000 texts per request. */
    private final Map<CourseCandidate, String> keys = new ConcurrentHashMap<>();

    private final AtomicLong embedded = new AtomicLong();
    private volatile String currentVersion;

    public CourseEmbeddings(TextEmbedder embedder, EmbeddingCache cache) {
        this.embedder = embedder;
        this.cache = cache;
    }

    /** Makes every course of {@code catalogue} available; returns the catalogue version. */
    public synchronized String index(List<CourseCandidate> catalogue) {
        String version = CourseTexts.catalogueVersion(catalogue);
        if (version.equals(currentVersion)) {
            return version;
        }
        cache.load(embedder.name(), version).ifPresent(byContent::putAll);
        Map<String, String> missing = new LinkedHashMap<>();
        for (CourseCandidate c : catalogue) {
            String key = CourseTexts.contentKey(c);
            if (!byContent.containsKey(key)) {
                missing.put(key, CourseTexts.course(c));
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> vectors = embedder.embedAll(new ArrayList<>(missing.values()));
            int i = 0;
            for (String key : missing.keySet()) {
                byContent.put(key, vectors.get(i++));
            }
            embedded.addAndGet(missing.size());
            Map<String, float[]> all = new LinkedHashMap<>();
            catalogue.forEach(c -> all.put(CourseTexts.contentKey(c), byContent.get(CourseTexts.contentKey(c))));
            cache.store(embedder.name(), version, all);
        }
        currentVersion = version;
        return version;
    }

    /** Vectors of {@code candidates}, in their order. */
    public List<float[]> vectors(List<CourseCandidate> candidates) {
        List<String> contentKeys = contentKeys(candidates);
        if (!contentKeys.stream().allMatch(byContent::containsKey)) {
            index(candidates);
        }
        return contentKeys.stream().map(byContent::get).toList();
    }

    /** The content key of each candidate, memoised (bounded: cleared if a long-running process collects too many). */
    public List<String> contentKeys(List<CourseCandidate> candidates) {
        if (keys.size() > 200_000) {
            keys.clear();
        }
        return candidates.stream()
                .map(c -> keys.computeIfAbsent(c, CourseTexts::contentKey))
                .toList();
    }

    /** The catalogue version last indexed, or null. */
    public String currentVersion() {
        return currentVersion;
    }

    /** How many course texts this instance has embedded: stays flat across requests once indexed. */
    public long embeddedCount() {
        return embedded.get();
    }

    public TextEmbedder embedder() {
        return embedder;
    }
}

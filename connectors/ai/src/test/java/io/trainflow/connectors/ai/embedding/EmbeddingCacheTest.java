package io.trainflow.connectors.ai.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.testdata.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart finds the catalogue's vectors in the cache instead of embedding it again. */
class EmbeddingCacheTest {

    /** The real model, counting how many texts it is asked to embed. */
    static final class Counting implements TextEmbedder {
        final AtomicInteger texts = new AtomicInteger();

        @Override
        public String name() {
            return "all-minilm-l6-v2-q";
        }

        @Override
        public float[] embed(String text) {
            texts.incrementAndGet();
            return MiniLmEmbedder.shared(MiniLmEmbedder.Variant.QUANTISED).embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> batch) {
            texts.addAndGet(batch.size());
            return MiniLmEmbedder.shared(MiniLmEmbedder.Variant.QUANTISED).embedAll(batch);
        }
    }

    private final List<CourseCandidate> catalogue = Sample.catalogue();

    @Test
    void fileCacheSurvivesARestart(@TempDir Path dir) {
        restartFindsVectors(new FileEmbeddingCache(dir), new FileEmbeddingCache(dir));
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".vec")).count()).isEqualTo(2);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void jdbcCacheSurvivesARestart() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:vectors;DB_CLOSE_DELAY=-1");
        restartFindsVectors(new JdbcEmbeddingCache(ds), new JdbcEmbeddingCache(ds));
    }

    @Test
    void anUnreadableCacheFileIsAMissNotAFailure(@TempDir Path dir) throws Exception {
        FileEmbeddingCache cache = new FileEmbeddingCache(dir);
        String version = CourseTexts.catalogueVersion(catalogue);
        Files.createDirectories(dir.resolve("all-minilm-l6-v2-q"));
        Files.writeString(dir.resolve("all-minilm-l6-v2-q").resolve(version + ".vec"), "garbage");
        assertThat(cache.load("all-minilm-l6-v2-q", version)).isEmpty();
    }

    private void restartFindsVectors(EmbeddingCache first, EmbeddingCache second) {
        Counting before = new Counting();
        CourseEmbeddings running = new CourseEmbeddings(before, first);
        String version = running.index(catalogue);
        assertThat(before.texts.get()).isEqualTo(catalogue.size());

        Counting after = new Counting();
        CourseEmbeddings restarted = new CourseEmbeddings(after, second);
        assertThat(restarted.index(catalogue)).isEqualTo(version);
        assertThat(after.texts.get()).isZero();
        List<float[]> loaded = restarted.vectors(catalogue);
        List<float[]> computed = running.vectors(catalogue);
        for (int i = 0; i < catalogue.size(); i++) {
            assertThat(loaded.get(i)).containsExactly(computed.get(i));
        }

        // a new catalogue version (one summary edited) embeds only the course that changed
        List<CourseCandidate> edited = new java.util.ArrayList<>(catalogue);
        CourseCandidate c = edited.get(0);
        edited.set(0, new CourseCandidate(c.courseId(), c.title(), c.summary() + " Now with records.", c.tags()));
        assertThat(restarted.index(edited)).isNotEqualTo(version);
        assertThat(after.texts.get()).isEqualTo(1);
    }
}

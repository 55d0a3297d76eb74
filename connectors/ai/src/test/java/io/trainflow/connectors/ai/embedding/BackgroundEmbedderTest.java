package io.trainflow.connectors.ai.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The server is ready before the offline model: a ranking that comes meanwhile waits for the model and gets its
 * vector; health can tell loading from ready from failed, and why.
 */
class BackgroundEmbedderTest {

    private static TextEmbedder fixed(float[] vector) {
        return new TextEmbedder() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public float[] embed(String text) {
                return vector;
            }
        };
    }

    @Test
    void anEmbeddingAskedWhileTheModelLoadsWaitsForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundEmbedder embedder = BackgroundEmbedder.start("m", () -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fixed(new float[] {1, 0});
        });
        assertThat(embedder.name()).isEqualTo("m");
        assertThat(embedder.state()).isEqualTo("loading");

        CompletableFuture<float[]> asked = CompletableFuture.supplyAsync(() -> embedder.embed("kubernetes"));
        assertThat(asked).isNotDone();
        release.countDown();

        assertThat(asked.get(60, TimeUnit.SECONDS)).containsExactly(1, 0);
        assertThat(embedder.state()).isEqualTo("ready");
        assertThat(embedder.failure()).isEmpty();
    }

    @Test
    void aDeferredModelLoadsOnceWhenToldToBeginOrWhenFirstAsked() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        BackgroundEmbedder server = BackgroundEmbedder.deferred("m", () -> {
            loads.incrementAndGet();
            return fixed(new float[] {1, 0});
        });
        // nothing runs before begin(): no thread has been started
        assertThat(server.state()).isEqualTo("loading");
        assertThat(loads).hasValue(0);
        server.begin();
        server.begin();
        server.then(() -> {}).get(60, TimeUnit.SECONDS);
        assertThat(server.embed("kubernetes")).containsExactly(1, 0);
        assertThat(loads).hasValue(1);
        assertThat(server.state()).isEqualTo("ready");

        BackgroundEmbedder askedFirst = BackgroundEmbedder.deferred("n", () -> fixed(new float[] {0, 1}));
        assertThat(askedFirst.embed("kubernetes")).containsExactly(0, 1);
        assertThat(askedFirst.state()).isEqualTo("ready");
    }

    @Test
    void workAfterTheLoadRunsOnceItIsIn() throws Exception {
        BackgroundEmbedder embedder = BackgroundEmbedder.start("m", () -> fixed(new float[] {0, 1}));
        CompletableFuture<Void> indexed = embedder.then(() -> embedder.embed("catalogue"));

        indexed.get(60, TimeUnit.SECONDS);
        assertThat(BackgroundEmbedder.state(indexed)).isEqualTo("ready");
    }

    @Test
    void aModelThatCannotLoadSaysWhyAndEveryEmbeddingFailsWithIt() throws Exception {
        BackgroundEmbedder embedder = BackgroundEmbedder.start("m", () -> {
            throw new IllegalStateException("model jar for m is not on the class path");
        });
        CompletableFuture<Void> indexed = embedder.then(() -> {});

        assertThatThrownBy(() -> embedder.embed("x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("model jar for m is not on the class path");
        assertThat(embedder.state()).isEqualTo("failed");
        assertThat(embedder.failure())
                .get()
                .extracting(Throwable::getMessage)
                .isEqualTo("model jar for m is not on the class path");
        assertThat(indexed).failsWithin(60, TimeUnit.SECONDS);
        assertThat(BackgroundEmbedder.state(indexed)).isEqualTo("failed");
    }
}

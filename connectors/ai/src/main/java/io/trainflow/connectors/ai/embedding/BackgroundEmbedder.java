package io.trainflow.connectors.ai.embedding;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * An embedder whose model loads on a background thread, so a server is ready before the ONNX session is (loading it
 * and indexing the catalogue took a third of the work of a start that needs neither); {@link #deferred} waits to be
 * told to begin. The name is known at once (it keys the cache and the provenance); {@link #embed} waits for the
 * model, so a step that ranks while it loads is slower, never wrong. {@link #then} runs more work (indexing the
 * catalogue) after the load.
 */
public final class BackgroundEmbedder implements TextEmbedder {

    private final String name;
    private final CompletableFuture<TextEmbedder> model;
    private final Thread loader;
    private final AtomicBoolean started = new AtomicBoolean();

    private BackgroundEmbedder(String name, Supplier<TextEmbedder> load) {
        this.name = name;
        this.model = new CompletableFuture<>();
        this.loader = new Thread(
                () -> {
                    try {
                        model.complete(load.get());
                    } catch (RuntimeException | Error e) {
                        model.completeExceptionally(e);
                    }
                },
                "trainflow-ai-load");
        loader.setDaemon(true);
    }

    /**
     * Loads {@code variant} (the JVM-wide instance) from {@link #begin()} on, or from the first {@link #embed} if that
     * comes first: a server calls {@code begin} once it is ready, so on two cores the load does not take a core from
     * the start-up itself.
     */
    public static BackgroundEmbedder deferred(MiniLmEmbedder.Variant variant) {
        return deferred(variant.modelName, () -> MiniLmEmbedder.shared(variant));
    }

    /** The same for any {@code load}; {@code name} is the model's stable name. */
    public static BackgroundEmbedder deferred(String name, Supplier<TextEmbedder> load) {
        return new BackgroundEmbedder(name, load);
    }

    /** Starts the load on its thread, once; later calls do nothing. */
    public void begin() {
        if (started.compareAndSet(false, true)) {
            loader.start();
        }
    }

    /** Starts loading {@code variant} (the JVM-wide instance) now. */
    public static BackgroundEmbedder start(MiniLmEmbedder.Variant variant) {
        BackgroundEmbedder embedder = deferred(variant);
        embedder.begin();
        return embedder;
    }

    /** Starts {@code load} now; {@code name} is the model's stable name. */
    public static BackgroundEmbedder start(String name, Supplier<TextEmbedder> load) {
        BackgroundEmbedder embedder = deferred(name, load);
        embedder.begin();
        return embedder;
    }

    /**
     * Runs {@code next} on its own thread after the model has loaded (not if it failed), e.g. indexing the catalogue;
     * the returned future says when it ended and how.
     */
    public CompletableFuture<Void> then(Runnable next) {
        return model.thenRunAsync(next, task -> {
            Thread thread = new Thread(task, "trainflow-ai-index");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** {@code loading}, {@code ready}, or {@code failed} (see {@link #failure}). */
    public String state() {
        return state(model);
    }

    /** The same words for any background work. */
    public static String state(CompletableFuture<?> work) {
        if (!work.isDone()) {
            return "loading";
        }
        return work.isCompletedExceptionally() ? "failed" : "ready";
    }

    /** Why loading failed. */
    public Optional<Throwable> failure() {
        return failure(model);
    }

    /** Why any background work failed. */
    public static Optional<Throwable> failure(CompletableFuture<?> work) {
        if (!work.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            work.join();
            return Optional.empty();
        } catch (CompletionException e) {
            return Optional.of(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model().embedAll(texts);
    }

    private TextEmbedder model() {
        begin();
        try {
            return model.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}

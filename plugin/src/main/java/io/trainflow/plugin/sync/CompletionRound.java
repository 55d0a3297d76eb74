package io.trainflow.plugin.sync;

/**
 * One completion poll on another engine than the embedded one (Camunda 8: {@code Camunda8Ports}). A bean of this
 * type, not the adapter's class, is what {@link ProgressSync} asks for, so the server starts without the adapter.
 */
@FunctionalInterface
public interface CompletionRound {

    /** Returns how many requests were completed. */
    int syncOnce();
}

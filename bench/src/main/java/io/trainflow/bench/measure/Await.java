package io.trainflow.bench.measure;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds, failing with a description of the state after a timeout. */
public final class Await {

    private static final long REPORT_EVERY = Duration.ofSeconds(30).toNanos();

    private Await() {}

    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextReport = start + REPORT_EVERY;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > nextReport) {
                System.err.printf(
                        "    ... %d s waiting for %s; %s%n",
                        (System.nanoTime() - start) / 1_000_000_000, what, state.get());
                nextReport += REPORT_EVERY;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; state: " + state.get());
            }
            sleep(200);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

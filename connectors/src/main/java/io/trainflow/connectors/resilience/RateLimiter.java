package io.trainflow.connectors.resilience;

/**
 * Spaces calls to one system at least 1/rate seconds apart (a token bucket of size one), so a bulk
 * sync cannot flood a small Moodle or HCM. Callers wait; nothing is dropped.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private long nextFree = System.nanoTime();

    /** @param callsPerSecond 0 or less disables limiting */
    public RateLimiter(double callsPerSecond) {
        this.intervalNanos = callsPerSecond <= 0 ? 0 : (long) (1_000_000_000L / callsPerSecond);
    }

    public void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextFree);
            nextFree = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}

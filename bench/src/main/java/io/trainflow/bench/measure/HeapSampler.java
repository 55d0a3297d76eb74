package io.trainflow.bench.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Peak heap while something runs: the used heap ({@link MemoryMXBean}) sampled every 20 ms by a
 * daemon thread. Start it after a full GC so the previous run's garbage is not counted.
 */
public final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
        this.thread = new Thread(this::sample, "bench-heap-sampler");
        thread.setDaemon(true);
    }

    public static HeapSampler start() {
        System.gc();
        HeapSampler sampler = new HeapSampler();
        sampler.peak = sampler.used();
        sampler.thread.start();
        return sampler;
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void sample() {
        while (running) {
            peak = Math.max(peak, used());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Highest used heap seen so far, in bytes. */
    public long peakBytes() {
        return Math.max(peak, used());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

package io.trainflow.bench.scenario;

import java.time.Duration;

/**
 * Lets the engine's clock run in real time from the scenario's start date, as a production
 * clock does (so retry back-offs and lock expiries elapse); {@link Lifecycle#advanceClock} then
 * jumps it 30 days at a time for the follow-up timers.
 */
final class Ticker implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;

    Ticker(Lifecycle life) {
        this.thread = new Thread(
                () -> {
                    long last = System.nanoTime();
                    while (running) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                        long now = System.nanoTime();
                        life.advanceClock(Duration.ofNanos(now - last));
                        last = now;
                    }
                },
                "bench-clock");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

package io.trainflow.bench.scenario;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;

/**
 * The people using the application: a few threads completing tasks in parallel, as concurrent
 * HTTP requests would. An optimistic-locking conflict is retried, as a client would, and counted.
 */
public final class ClientPool implements AutoCloseable {

    private final ExecutorService pool;
    private final AtomicLong conflicts = new AtomicLong();

    public ClientPool(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the action for every item, in parallel, and waits for all of them. */
    public <T> void forEach(List<T> items, Consumer<T> action) {
        List<Future<?>> futures = items.stream()
                .<Future<?>>map(item -> pool.submit(() -> retrying(item, action)))
                .toList();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("client action failed", e);
            }
        }
    }

    private <T> void retrying(T item, Consumer<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                action.accept(item);
                return;
            } catch (FlowableOptimisticLockingException e) {
                conflicts.incrementAndGet();
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    public long conflicts() {
        return conflicts.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

package io.trainflow.bench.measure;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the engine's failed-job log events (logback.xml sends them here instead of the console):
 * optimistic-locking conflicts, which the engine retries, and everything else.
 */
public final class LogCounter extends AppenderBase<ILoggingEvent> {

    private static final AtomicLong CONFLICTS = new AtomicLong();
    private static final AtomicLong OTHER = new AtomicLong();

    @Override
    protected void append(ILoggingEvent event) {
        if (mentions(event.getThrowableProxy(), "OptimisticLocking")
                || event.getFormattedMessage().contains("OptimisticLocking")) {
            CONFLICTS.incrementAndGet();
        } else {
            OTHER.incrementAndGet();
        }
    }

    private static boolean mentions(IThrowableProxy t, String text) {
        for (; t != null; t = t.getCause()) {
            if (t.getClassName().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Optimistic-locking failures logged since the last call, and other errors; resets both. */
    public static long[] takeCounts() {
        return new long[] {CONFLICTS.getAndSet(0), OTHER.getAndSet(0)};
    }
}

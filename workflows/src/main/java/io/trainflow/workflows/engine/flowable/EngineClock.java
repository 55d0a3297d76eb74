package io.trainflow.workflows.engine.flowable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.flowable.common.engine.impl.util.DefaultClockImpl;

/**
 * One clock for the engine (timers, due dates, FEEL {@code now()}) and for the handlers and
 * ports ({@link java.time.Clock}). Real time by default; tests and demos move it forward.
 */
public final class EngineClock extends Clock {

    private final DefaultClockImpl flowable = new DefaultClockImpl();

    DefaultClockImpl flowableClock() {
        return flowable;
    }

    /** Moves time forward; timers that fall due fire on the engine's next look. */
    public void advance(Duration duration) {
        set(instant().plus(duration));
    }

    public void set(Instant instant) {
        flowable.setCurrentTime(Date.from(instant));
    }

    /** Back to real time. */
    public void reset() {
        flowable.reset();
    }

    @Override
    public Instant instant() {
        return flowable.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}

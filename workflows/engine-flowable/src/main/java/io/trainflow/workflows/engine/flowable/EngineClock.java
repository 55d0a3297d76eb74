package io.trainflow.workflows.engine.flowable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Date;
import java.util.TimeZone;

/**
 * One clock for the engine (timers, job due dates and locks, retries, FEEL {@code now()}) and for the
 * handlers and ports ({@link java.time.Clock}). Real time by default. A demo moves it forward with
 * {@link #advance}: the clock keeps running from the moved point (an offset to real time), and with a
 * {@link Store} the offset is kept in the database, so a restart keeps the walkthrough's time.
 * Tests pin it with {@link #set} (a frozen clock that only moves when advanced).
 */
public final class EngineClock extends Clock {

    /** Where the demo offset is kept (Trainflow's database). */
    public interface Store {
        Duration load();

        void save(Duration offset);
    }

    private final FlowableClock flowable = new FlowableClock();
    private volatile Duration offset = Duration.ZERO;
    /** Non-null: the clock stands at this instant (tests). */
    private volatile Instant frozen;

    private volatile Store store;

    public EngineClock() {}

    /** A running clock whose offset to real time is loaded from and saved to {@code store}. */
    public EngineClock(Store store) {
        this.store = store;
        this.offset = store.load();
    }

    org.flowable.common.engine.impl.runtime.Clock flowableClock() {
        return flowable;
    }

    /** Moves time forward; timers that fall due fire on the engine's next look. The clock keeps running. */
    public synchronized void advance(Duration duration) {
        if (frozen != null) {
            frozen = frozen.plus(duration);
        } else {
            // from the stored offset: another node sharing the database may have moved it since
            offset((store != null ? store.load() : offset).plus(duration));
        }
    }

    /** Takes the stored offset (another node sharing the database moved the clock); a frozen clock stays. */
    public synchronized void reload() {
        if (store != null && frozen == null) {
            offset = store.load();
        }
    }

    /** Stands the clock at {@code instant} (tests): it moves only when advanced. */
    public synchronized void set(Instant instant) {
        frozen = instant;
    }

    /** Back to real time (and a stored offset back to zero). */
    public synchronized void reset() {
        frozen = null;
        offset(Duration.ZERO);
    }

    /** How far ahead of real time a running clock is. */
    public Duration offset() {
        return offset;
    }

    private void offset(Duration value) {
        if (store != null) {
            store.save(value); // stored first: what the caller is told survives a restart
        }
        offset = value;
    }

    @Override
    public Instant instant() {
        Instant at = frozen;
        return at != null ? at : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    /** Flowable's view of the same time (its own DefaultClockImpl keeps one static time for the whole JVM). */
    private final class FlowableClock implements org.flowable.common.engine.impl.runtime.Clock {

        @Override
        public void setCurrentTime(Date time) {
            if (time == null) {
                reset();
            } else {
                set(time.toInstant());
            }
        }

        @Override
        public void setCurrentCalendar(Calendar time) {
            setCurrentTime(time == null ? null : time.getTime());
        }

        @Override
        public void reset() {
            EngineClock.this.reset();
        }

        @Override
        public Date getCurrentTime() {
            return Date.from(instant());
        }

        @Override
        public Calendar getCurrentCalendar() {
            return getCurrentCalendar(getCurrentTimeZone());
        }

        @Override
        public Calendar getCurrentCalendar(TimeZone zone) {
            Calendar calendar = Calendar.getInstance(zone);
            calendar.setTime(getCurrentTime());
            return calendar;
        }

        @Override
        public TimeZone getCurrentTimeZone() {
            return TimeZone.getDefault();
        }
    }
}

package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The demo clock moves forward and keeps running from there, and a restart keeps its time. */
class EngineClockTest {

    static final class Stored implements EngineClock.Store {
        final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        @Override
        public Duration load() {
            return offset.get();
        }

        @Override
        public void save(Duration value) {
            offset.set(value);
        }
    }

    @Test
    void afterTimeTravelTheClockKeepsRunning() throws Exception {
        EngineClock clock = new EngineClock(new Stored());
        clock.advance(Duration.ofDays(31));
        Instant moved = clock.instant();

        Instant later = moved;
        while (!later.isAfter(moved)) {
            Thread.sleep(5);
            later = clock.instant();
        }
        assertThat(Duration.between(Instant.now(), later))
                .isBetween(
                        Duration.ofDays(31).minusMinutes(1), Duration.ofDays(31).plusMinutes(1));
        // Flowable's clock counts milliseconds
        assertThat(clock.flowableClock().getCurrentTime().toInstant())
                .isAfterOrEqualTo(later.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void aRestartKeepsTheMovedTime() {
        Stored store = new Stored();
        new EngineClock(store).advance(Duration.ofDays(91));

        EngineClock restarted = new EngineClock(store);

        assertThat(restarted.offset()).isEqualTo(Duration.ofDays(91));
        assertThat(restarted.instant()).isAfter(Instant.now().plus(Duration.ofDays(90)));
    }

    @Test
    void eachEngineHasItsOwnClock() {
        EngineClock pinned = new EngineClock();
        pinned.set(Instant.parse("2026-03-02T09:00:00Z"));
        EngineClock other = new EngineClock();

        assertThat(other.flowableClock().getCurrentTime().toInstant())
                .isAfter(Instant.now().minusSeconds(60));
        pinned.advance(Duration.ofHours(1));
        assertThat(pinned.instant()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void nodesSharingADatabaseKeepOneDemoClock() {
        Stored database = new Stored();
        EngineClock nodeA = new EngineClock(database);
        EngineClock nodeB = new EngineClock(database);

        nodeA.advance(Duration.ofDays(31));
        nodeB.reload();
        assertThat(nodeB.offset()).isEqualTo(Duration.ofDays(31));

        // node a has not looked since: its next move still starts from node b's
        nodeB.advance(Duration.ofDays(30));
        nodeA.advance(Duration.ofDays(30));
        assertThat(nodeA.offset()).isEqualTo(Duration.ofDays(91));
        assertThat(database.load()).isEqualTo(Duration.ofDays(91));
    }
}

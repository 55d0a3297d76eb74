package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.error.PortUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a failed step runs again: an outage is waited out, other failures use up the step's attempts. */
class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.standard();
    private final PortUnavailableException breakerOpen =
            new PortUnavailableException("circuit breaker open for Moodle", null, Duration.ofSeconds(30));

    @Test
    void anOutageDoesNotUseUpAttemptsAndWaitsForTheBreaker() {
        RetryPolicy.Next next = policy.next(3, 1, new RuntimeException(breakerOpen), Duration.ofMinutes(4));

        assertThat(next.retriesLeft())
                .as("the last attempt is kept while the system is down")
                .isEqualTo(1);
        assertThat(next.outage()).isTrue();
        assertThat(next.delay())
                .as("not before the breaker lets a call through")
                .isGreaterThan(Duration.ofSeconds(30))
                .isLessThanOrEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void aLongerOutageThanTheWindowEndsInAnIncident() {
        RetryPolicy.Next next = policy.next(3, 1, breakerOpen, Duration.ofMinutes(16));

        assertThat(next.retriesLeft()).isZero();
    }

    @Test
    void otherFailuresCountDownWithBackoff() {
        RetryPolicy.Next first = policy.next(3, 3, new IllegalStateException("bug"), Duration.ZERO);
        RetryPolicy.Next second = policy.next(3, 2, new IllegalStateException("bug"), Duration.ofSeconds(5));

        assertThat(first.retriesLeft()).isEqualTo(2);
        assertThat(first.delay()).isBetween(Duration.ofMillis(3750), Duration.ofMillis(6250));
        assertThat(second.retriesLeft()).isEqualTo(1);
        assertThat(second.delay()).isBetween(Duration.ofMillis(7500), Duration.ofMillis(12500));
    }

    @Test
    void aFiveMinuteOutageIsOutlastedOnAControlledClock() {
        // each attempt during the outage meets the breaker that the previous one opened for 30 s
        Duration since = Duration.ZERO;
        int retriesLeft = 3;
        int attempts = 0;
        while (since.compareTo(Duration.ofMinutes(5)) < 0) {
            attempts++;
            RetryPolicy.Next next = policy.next(3, retriesLeft, breakerOpen, since);
            assertThat(next.retriesLeft())
                    .as("attempt %d at %s", attempts, since)
                    .isPositive();
            retriesLeft = next.retriesLeft();
            since = since.plus(next.delay());
        }
        assertThat(attempts).as("every half minute or so, not in a tight loop").isBetween(5, 11);
    }
}

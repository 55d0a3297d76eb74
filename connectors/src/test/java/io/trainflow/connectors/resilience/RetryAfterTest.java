package io.trainflow.connectors.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a server's Retry-After makes the next redelivery wait. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration MAX = Duration.ofSeconds(8);

    @Test
    void secondsAreTakenAsGivenUpToTheMaximumBackoff() {
        assertThat(RetryAfter.of(Map.of("Retry-After", "2"), MAX, NOW)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.of(Map.of("retry-after", " 3 "), MAX, NOW)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.of(Map.of("Retry-After", "3600"), MAX, NOW)).contains(MAX);
    }

    @Test
    void anHttpDateIsTheWaitUntilThen() {
        assertThat(RetryAfter.of(Map.of("Retry-After", "Mon, 23 Nov 2026 12:00:05 GMT"), MAX, NOW))
                .contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.of(Map.of("Retry-After", "Mon, 23 Nov 2026 11:59:00 GMT"), MAX, NOW))
                .contains(Duration.ZERO);
    }

    @Test
    void noneOrUnreadableLeavesTheRoutesOwnBackoff() {
        assertThat(RetryAfter.of(Map.of(), MAX, NOW)).isEmpty();
        assertThat(RetryAfter.of(null, MAX, NOW)).isEmpty();
        assertThat(RetryAfter.of(Map.of("Retry-After", "soon"), MAX, NOW)).isEmpty();
        assertThat(RetryAfter.of(Map.of("Retry-After", "-1"), MAX, NOW)).isEmpty();
    }
}

package io.trainflow.connectors.resilience;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The wait a 429 or 503 asks for in its {@code Retry-After} header (RFC 9110: delay-seconds or an HTTP date),
 * capped at the connector's maximum backoff so a server cannot park a step for an hour.
 */
public final class RetryAfter {

    public static final String HEADER = "Retry-After";

    private RetryAfter() {}

    /** Empty when there is no header or it is neither a number of seconds nor an HTTP date. */
    public static Optional<Duration> of(Map<String, String> responseHeaders, Duration max, Instant now) {
        if (responseHeaders == null) {
            return Optional.empty();
        }
        return responseHeaders.entrySet().stream()
                .filter(h -> HEADER.equalsIgnoreCase(h.getKey()))
                .map(h -> parse(h.getValue(), now))
                .flatMap(Optional::stream)
                .findFirst()
                .map(d -> d.compareTo(max) > 0 ? max : d);
    }

    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        now,
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty(); // unreadable: the route's own backoff applies
            }
        }
    }
}

package io.trainflow.workflows.lint;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ISO-8601 timer values as Zeebe accepts them: durations, repeating cycles, date-times. */
final class TimerSyntax {

    private static final Pattern CYCLE = Pattern.compile("R(\\d*)(/([^/]+))?/([^/]+)");

    private TimerSyntax() {
    }

    static Optional<String> durationError(String value) {
        return isDuration(value) ? Optional.empty()
                : Optional.of("'" + value + "' is not an ISO-8601 duration such as P5D or PT4H");
    }

    static Optional<String> cycleError(String value) {
        Matcher m = CYCLE.matcher(value.strip());
        if (m.matches() && isDuration(m.group(4)) && (m.group(3) == null || isDate(m.group(3)))) {
            return Optional.empty();
        }
        return Optional.of("'" + value + "' is not an ISO-8601 repeating interval such as R/P2D or R3/PT1H");
    }

    static Optional<String> dateError(String value) {
        return isDate(value) ? Optional.empty()
                : Optional.of("'" + value + "' is not an ISO-8601 date-time with offset such as 2026-12-01T09:00:00Z");
    }

    static boolean isDuration(String value) {
        String v = value.strip();
        try {
            Duration.parse(v);
            return true;
        } catch (DateTimeParseException notTime) {
            try {
                Period.parse(v);
                return true;
            } catch (DateTimeParseException notPeriod) {
                return false;
            }
        }
    }

    private static boolean isDate(String value) {
        try {
            ZonedDateTime.parse(value.strip());
            return true;
        } catch (DateTimeParseException e) {
            try {
                OffsetDateTime.parse(value.strip());
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }
}

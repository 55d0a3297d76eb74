package io.trainflow.workflows.lint;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeFactory;

/**
 * ISO-8601 timer values as the engine accepts them: durations, repeating cycles, date-times.
 * Durations are read with the parser Flowable's timers use ({@code xs:duration}), so lint
 * accepts exactly what will run: {@code P1MT2H} does, {@code P1W} (weeks) does not.
 */
final class TimerSyntax {

    private static final Pattern CYCLE = Pattern.compile("R(\\d*)(/([^/]+))?/([^/]+)");

    private TimerSyntax() {}

    static Optional<String> durationError(String value) {
        return isDuration(value)
                ? Optional.empty()
                : Optional.of("'" + value + "' is not an ISO-8601 duration such as P5D or PT4H" + weekHint(value));
    }

    static Optional<String> cycleError(String value) {
        Matcher m = CYCLE.matcher(value.strip());
        if (m.matches() && isDuration(m.group(4)) && (m.group(3) == null || isDate(m.group(3)))) {
            return Optional.empty();
        }
        return Optional.of(
                "'" + value + "' is not an ISO-8601 repeating interval such as R/P2D or R3/PT1H" + weekHint(value));
    }

    static Optional<String> dateError(String value) {
        return isDate(value)
                ? Optional.empty()
                : Optional.of("'" + value + "' is not an ISO-8601 date-time with offset such as 2026-12-01T09:00:00Z");
    }

    static boolean isDuration(String value) {
        String v = value.strip();
        if (!v.startsWith("P")) {
            return false;
        }
        try {
            DatatypeFactory.newDefaultInstance().newDuration(v);
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String weekHint(String value) {
        return value.contains("W") ? " (weeks are not supported by the engine: write P7D for one week)" : "";
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

package io.trainflow.connectors.moodle;

import io.trainflow.connectors.lms.CalendarEvent;
import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import io.trainflow.connectors.moodle.model.CalendarEventCreated;
import io.trainflow.connectors.moodle.model.CalendarEventInput;
import io.trainflow.connectors.moodle.model.CalendarEventsResponse;
import io.trainflow.connectors.moodle.model.Warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calendar events with the port's idempotency. core_calendar_create_calendar_events creates a
 * duplicate on every call and Trainflow's recorded service offers no look-up, so created ids are
 * kept under an idempotency key (user, course, name, start). The store is in memory: it covers a
 * retried step within one run; a database-backed store is needed to survive a crash (issue 3).
 * Moodle creates the event as the token's user; a learner's own calendar would need their token.
 */
final class MoodleCalendar {

    private final MoodleCalls moodle;
    private final Map<String, String> created = new ConcurrentHashMap<>();

    MoodleCalendar(MoodleCalls moodle) {
        this.moodle = moodle;
    }

    List<String> create(List<CalendarEvent> events) {
        List<CalendarEvent> missing = events.stream().filter(e -> !created.containsKey(key(e))).distinct().toList();
        if (!missing.isEmpty()) {
            CalendarEventsResponse answer = moodle.createEvents(missing.stream().map(MoodleCalendar::input).toList());
            List<CalendarEventCreated> made = answer.getEvents() == null ? List.of() : answer.getEvents();
            if (made.size() != missing.size()) {
                // Moodle drops refused events into warnings (nopermissions for course events)
                Warning w = answer.getWarnings() == null || answer.getWarnings().isEmpty() ? new Warning()
                        : answer.getWarnings().get(0);
                throw MoodleBusinessException.of(w.getWarningcode(), "warning",
                        "core_calendar_create_calendar_events: " + w.getMessage());
            }
            for (int i = 0; i < missing.size(); i++) {
                created.put(key(missing.get(i)), String.valueOf(made.get(i).getId()));
            }
        }
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(created.get(key(e))));
        return ids;
    }

    private static CalendarEventInput input(CalendarEvent e) {
        boolean course = e.courseId() != null && !e.courseId().isBlank();
        return new CalendarEventInput().name(e.name()).description(e.description()).format(1)
                .courseid(course ? Long.valueOf(e.courseId()) : null)
                .eventtype(course ? CalendarEventInput.EventtypeEnum.COURSE : CalendarEventInput.EventtypeEnum.USER)
                .timestart(e.start().getEpochSecond())
                .timeduration(e.duration() == null ? null : e.duration().toSeconds());
    }

    private static String key(CalendarEvent e) {
        return String.join("|", Objects.toString(e.username()), Objects.toString(e.courseId()), e.name(),
                String.valueOf(e.start().getEpochSecond()));
    }
}

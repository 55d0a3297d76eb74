package io.trainflow.connectors.moodle;

import io.trainflow.connectors.lms.CalendarEvent;
import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import io.trainflow.connectors.moodle.model.CalendarEventCreated;
import io.trainflow.connectors.moodle.model.CalendarEventInput;
import io.trainflow.connectors.moodle.model.CalendarEventsResponse;
import io.trainflow.connectors.moodle.model.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Moodle course event per training session, whoever is enrolled in it. Recorded on Moodle 4.5.6:
 * core_calendar_create_calendar_events creates a duplicate on every call (learners saw the same event once per
 * enrolment), and a user event belongs to the calling web-service user, never to the learner, so per-learner
 * events are impossible through web services. So an event is keyed by course, name and start, not by learner:
 * before creating it, the course's events at that start are read (core_calendar_get_calendar_events), so a second
 * learner of the session, a retried step or a restarted Trainflow finds the event instead of adding one. Every
 * participant of the course sees it (Moodle shows course events to the course).
 */
final class MoodleCalendar {

    private final MoodleCalls moodle;
    private final Map<String, String> created = new ConcurrentHashMap<>();

    MoodleCalendar(MoodleCalls moodle) {
        this.moodle = moodle;
    }

    synchronized List<String> create(List<CalendarEvent> events) {
        Map<String, CalendarEvent> missing = new LinkedHashMap<>();
        for (CalendarEvent e : events) {
            String key = key(e);
            if (!created.containsKey(key) && !missing.containsKey(key)) {
                existing(e).ifPresentOrElse(id -> created.put(key, id), () -> missing.put(key, e));
            }
        }
        if (!missing.isEmpty()) {
            List<CalendarEvent> toCreate = List.copyOf(missing.values());
            CalendarEventsResponse answer = moodle.createEvents(
                    toCreate.stream().map(MoodleCalendar::input).toList());
            List<CalendarEventCreated> made = answer.getEvents() == null ? List.of() : answer.getEvents();
            if (made.size() != toCreate.size()) {
                // Moodle drops refused events into warnings (nopermissions for course events)
                Warning w = answer.getWarnings() == null || answer.getWarnings().isEmpty()
                        ? new Warning()
                        : answer.getWarnings().get(0);
                throw MoodleBusinessException.of(
                        w.getWarningcode(), "warning", "core_calendar_create_calendar_events: " + w.getMessage());
            }
            for (int i = 0; i < toCreate.size(); i++) {
                created.put(key(toCreate.get(i)), String.valueOf(made.get(i).getId()));
            }
        }
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(created.get(key(e))));
        return ids;
    }

    /** The course event Moodle already has for this session, if any. */
    private Optional<String> existing(CalendarEvent e) {
        if (!isCourseEvent(e)) {
            return Optional.empty();
        }
        long start = e.start().getEpochSecond();
        CalendarEventsResponse found = moodle.courseEvents(Long.parseLong(e.courseId()), start, start);
        return Optional.ofNullable(found.getEvents()).orElse(List.of()).stream()
                .filter(x -> Objects.equals(x.getTimestart(), start)
                        && e.name().equals(x.getName())
                        && Objects.equals(String.valueOf(x.getCourseid()), e.courseId()))
                .map(x -> String.valueOf(x.getId()))
                .findFirst();
    }

    private static boolean isCourseEvent(CalendarEvent e) {
        return e.courseId() != null && !e.courseId().isBlank();
    }

    private static CalendarEventInput input(CalendarEvent e) {
        boolean course = isCourseEvent(e);
        return new CalendarEventInput()
                .name(e.name())
                .description(e.description())
                .format(1)
                .courseid(course ? Long.valueOf(e.courseId()) : null)
                .eventtype(course ? CalendarEventInput.EventtypeEnum.COURSE : CalendarEventInput.EventtypeEnum.USER)
                .timestart(e.start().getEpochSecond())
                .timeduration(e.duration() == null ? null : e.duration().toSeconds());
    }

    /** A course event is the session's, not the learner's; a user event (no course) stays per user. */
    private static String key(CalendarEvent e) {
        return String.join(
                "|",
                isCourseEvent(e) ? "" : Objects.toString(e.username()),
                Objects.toString(e.courseId()),
                e.name(),
                String.valueOf(e.start().getEpochSecond()));
    }
}

package io.trainflow.workflows.notify;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short message texts per template. {@code {key}} is replaced by {@code data.key}; a part in
 * square brackets is left out when a key inside it has no value, so one template reads well
 * whatever the process passes. Values are data typed by people: they are shortened and never
 * interpreted.
 */
public final class MessageTemplates {

    static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry(
                    "enrolled",
                    "You are enrolled[ in {sessions}][ in {courses}].[ Please complete your training by"
                            + " {trainingDeadline}.]"),
            Map.entry(
                    "not-enrolled",
                    "Your training request[ {requestId}] was approved, but you could not be enrolled."
                            + "[ Reason: {reason}.] Trainflow's administrators have been told."),
            Map.entry(
                    "reminder",
                    "Reminder: a training approval is waiting for you[ ({requestId})].[ Learner: {learner}.]"),
            Map.entry(
                    "escalated",
                    "A training approval was escalated to you because it was not handled in time[ ({requestId})]."
                            + "[ Learner: {learner}.]"),
            Map.entry(
                    "nudge",
                    "You have not opened your training[ for {inactiveDays} days].[ Progress: {percent}%.]"
                            + "[ Please complete it by {trainingDeadline}.]"),
            Map.entry(
                    "rejected",
                    "Your training request[ {requestId}] was rejected.[ Reason: {reason}.][ Comment: {comment}]"),
            Map.entry(
                    "no-session",
                    "Your training request[ {requestId}] could not be scheduled.[ Reason: {reason}.] Nobody turned it"
                            + " down: ask again with a later deadline or for another course."),
            Map.entry(
                    "changes-requested",
                    "Changes were requested on your training request[ {requestId}].[ Comment: {comment}]"),
            Map.entry(
                    "deadline-missed",
                    "The training deadline[ {trainingDeadline}] passed before the training was completed."
                            + "[ Learner: {learner}.]"),
            Map.entry(
                    "follow-up",
                    "Please record how[ {learner}] applies what the training taught[ ({day}-day follow-up)]."),
            Map.entry("report-ready", "The programme report[ for {programmeId}] is ready for sign-off."),
            Map.entry(
                    "already-requested",
                    "Your training request[ {requestId}] ends here: every course it would hold is already"
                            + " requested[ ({heldIn})]. Your training goes on in that request."));

    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\]]*)]");
    private static final Pattern KEY = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final Pattern ISO_INSTANT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})");
    private static final int MAX_VALUE = 300;

    private MessageTemplates() {}

    static String render(String template, Map<String, Object> data) {
        String text = TEMPLATES.get(template);
        if (text == null) {
            throw new IllegalArgumentException(
                    "Unknown notification template '" + template + "'; known: " + TEMPLATES.keySet());
        }
        return fill(text, data);
    }

    /**
     * Fills a template text (e.g. a notification file a process owner edited): {@code {key}} by its value, a part
     * in square brackets left out when a key inside it has no value.
     */
    public static String fill(String text, Map<String, ?> data) {
        Map<String, ?> values = data == null ? Map.of() : data;
        StringBuilder out = new StringBuilder();
        Matcher optional = OPTIONAL.matcher(text);
        while (optional.find()) {
            String part = optional.group(1);
            boolean complete = KEY.matcher(part)
                    .results()
                    .allMatch(k -> !value(values.get(k.group(1))).isEmpty());
            optional.appendReplacement(out, Matcher.quoteReplacement(complete ? part : ""));
        }
        optional.appendTail(out);
        Matcher key = KEY.matcher(out.toString());
        StringBuilder filled = new StringBuilder();
        while (key.find()) {
            key.appendReplacement(filled, Matcher.quoteReplacement(value(values.get(key.group(1)))));
        }
        key.appendTail(filled);
        return filled.toString().trim();
    }

    /** A value as text: lists joined, course-like maps by title, ISO date-times shortened to the date. */
    static String value(Object v) {
        String s;
        if (v == null) {
            s = "";
        } else if (v instanceof Collection<?> c) {
            s = String.join(
                    ", ",
                    c.stream()
                            .map(MessageTemplates::value)
                            .filter(x -> !x.isEmpty())
                            .toList());
        } else if (v instanceof Map<?, ?> m && m.get("sessionId") != null && m.get("startDate") != null) {
            s = session(m);
        } else if (v instanceof Map<?, ?> m) {
            s = value(firstPresent(m, List.of("title", "fullname", "name", "displayName", "courseId")));
        } else {
            s = String.valueOf(v).strip();
            Matcher iso = ISO_INSTANT.matcher(s);
            if (iso.matches()) {
                s = iso.group(1);
            }
        }
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE - 1) + "…" : s;
    }

    /** "Python for Automation, session S-1 from 2026-03-02 to 2026-03-04": the course by title, then its dates. */
    private static String session(Map<?, ?> m) {
        Object title = firstPresent(m, List.of("title", "fullname"));
        String course = title != null ? value(title) : "course " + value(m.get("courseId"));
        String start = value(m.get("startDate"));
        String end = value(m.get("endDate"));
        String dates = end.isEmpty() || end.equals(start) ? " on " + start : " from " + start + " to " + end;
        return course + ", session " + value(m.get("sessionId")) + dates;
    }

    private static Object firstPresent(Map<?, ?> m, List<String> keys) {
        return keys.stream().map(m::get).filter(x -> x != null).findFirst().orElse(null);
    }
}

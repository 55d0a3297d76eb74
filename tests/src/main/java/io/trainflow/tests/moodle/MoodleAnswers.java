package io.trainflow.tests.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Moodle's answer to one web-service call, built from the site's state on the recorded response
 * of that function (tests/src/main/resources/moodle, copied from shared/fixtures/moodle): the
 * recorded object keeps every member and its type, only ids, names, flags and times are set to
 * the learner and course asked about. Writes (enrolments) change the site.
 */
final class MoodleAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Moodle user id of the web-service token's account (the recorded site info's userid). */
    static final long TOKEN_USER = 3;

    private final MoodleSite site;
    private final Map<String, JsonNode> recorded = new LinkedHashMap<>();
    private final List<ObjectNode> created = new java.util.ArrayList<>();

    MoodleAnswers(MoodleSite site) {
        this.site = site;
    }

    /** The JSON body Moodle returns for {@code function} called with this form body. */
    String answer(String function, String formBody) {
        Map<String, String> form = form(formBody);
        JsonNode body = switch (function) {
            case "core_user_get_users_by_field" -> users(form);
            case "core_course_get_courses" -> courses(form);
            case "core_course_get_courses_by_field" -> courseByShortname(form);
            case "core_enrol_get_users_courses" -> usersCourses(form);
            case "core_enrol_get_enrolled_users" -> enrolledUsers(form);
            case "enrol_manual_enrol_users" -> enrol(form);
            case "core_completion_get_course_completion_status" -> completionStatus(form);
            case "gradereport_user_get_grade_items" -> gradeItems(form);
            case "mod_feedback_get_feedbacks_by_courses" ->
                fixture("mod_feedback_get_feedbacks_by_courses__no-courseids");
            case "core_calendar_create_calendar_events" -> calendarEvents(form);
            case "core_calendar_get_calendar_events" -> courseEvents(form);
            case "core_message_send_instant_messages" -> messages(form);
            case "core_message_get_messages" -> messagesSent(form);
            case "core_webservice_get_site_info" -> siteInfo();
            default -> throw new IllegalArgumentException("the WireMock Moodle does not answer " + function);
        };
        return body.toString();
    }

    private JsonNode users(Map<String, String> form) {
        ArrayNode out = JSON.createArrayNode();
        boolean byId = "id".equals(form.get("field"));
        for (String value : indexed(form, "values")) {
            (byId ? site.user(Long.parseLong(value)) : site.user(value)).ifPresent(u -> {
                ObjectNode n = first("core_user_get_users_by_field");
                n.put("id", u.id())
                        .put("username", u.username())
                        .put("firstname", u.firstname())
                        .put("lastname", u.lastname())
                        .put("fullname", u.firstname() + " " + u.lastname())
                        .put("email", u.username() + "@example.com")
                        .put("idnumber", "EMP" + u.id());
                out.add(n);
            });
        }
        return out;
    }

    private JsonNode courses(Map<String, String> form) {
        List<String> ids = indexed(form, "options[ids]");
        ArrayNode out = JSON.createArrayNode();
        List<MoodleSite.Course> asked = ids.isEmpty()
                ? site.courses()
                : ids.stream()
                        .map(Long::parseLong)
                        .map(site::course)
                        .flatMap(java.util.Optional::stream)
                        .toList();
        asked.forEach(c -> out.add(course(first("core_course_get_courses__by-ids"), c)));
        return out;
    }

    private JsonNode courseByShortname(Map<String, String> form) {
        ObjectNode out = (ObjectNode)
                fixture("core_course_get_courses_by_field__shortname").deepCopy();
        ArrayNode found = out.putArray("courses");
        site.course(form.get("value"))
                .ifPresent(c -> found.add(course(
                        (ObjectNode) fixture("core_course_get_courses_by_field__shortname")
                                .get("courses")
                                .get(0)
                                .deepCopy(),
                        c)));
        return out;
    }

    private JsonNode usersCourses(Map<String, String> form) {
        long userId = Long.parseLong(form.get("userid"));
        ArrayNode out = JSON.createArrayNode();
        for (MoodleSite.Enrolment e : site.enrolmentsOf(userId)) {
            MoodleSite.Course c = site.course(e.courseId()).orElseThrow();
            boolean completed = site.completedAt(userId, c.id()).isPresent();
            long access = site.lastAccess(userId, c.id());
            ObjectNode n = course(first("core_enrol_get_users_courses"), c);
            n.put("enrolledusercount", site.enrolmentsIn(c.id()).size())
                    .put("completed", completed)
                    .put("progress", completed ? 100 : access > 0 ? 50 : 0);
            if (access > 0) {
                n.put("lastaccess", access);
            } else {
                n.putNull("lastaccess");
            }
            out.add(n);
        }
        return out;
    }

    /** Honours options userfields (only those members, id always) as Moodle does. */
    private JsonNode enrolledUsers(Map<String, String> form) {
        long courseId = Long.parseLong(form.get("courseid"));
        Set<String> fields = null;
        for (int i = 0; form.containsKey("options[" + i + "][name]"); i++) {
            if ("userfields".equals(form.get("options[" + i + "][name]"))) {
                fields = Set.of(form.get("options[" + i + "][value]").split(","));
            }
        }
        ArrayNode out = JSON.createArrayNode();
        for (MoodleSite.Enrolment e : site.enrolmentsIn(courseId)) {
            MoodleSite.User u = site.user(e.userId()).orElseThrow();
            ObjectNode n = first("core_enrol_get_enrolled_users");
            n.put("id", u.id())
                    .put("username", u.username())
                    .put("firstname", u.firstname())
                    .put("lastname", u.lastname())
                    .put("fullname", u.firstname() + " " + u.lastname())
                    .put("lastcourseaccess", site.lastAccess(u.id(), courseId));
            if (fields != null) {
                Set<String> keep = fields;
                n.retain(n.properties().stream()
                        .map(Map.Entry::getKey)
                        .filter(k -> k.equals("id") || keep.contains(k))
                        .toList());
            }
            out.add(n);
        }
        return out;
    }

    private JsonNode enrol(Map<String, String> form) {
        for (int i = 0; form.containsKey("enrolments[" + i + "][userid]"); i++) {
            String p = "enrolments[" + i + "]";
            site.enrol(
                    Long.parseLong(form.get(p + "[userid]")),
                    Long.parseLong(form.get(p + "[courseid]")),
                    Long.parseLong(form.getOrDefault(p + "[timestart]", "0")),
                    Long.parseLong(form.getOrDefault(p + "[timeend]", "0")));
        }
        return fixture("enrol_manual_enrol_users");
    }

    private JsonNode completionStatus(Map<String, String> form) {
        long courseId = Long.parseLong(form.get("courseid"));
        long userId = Long.parseLong(form.get("userid"));
        if (!site.enrolled(userId, courseId)) {
            return fixture("core_completion_get_course_completion_status__error-user-not-enrolled");
        }
        ObjectNode out = (ObjectNode)
                fixture("core_completion_get_course_completion_status").deepCopy();
        ObjectNode status = (ObjectNode) out.get("completionstatus");
        Long at = site.completedAt(userId, courseId).orElse(null);
        status.put("completed", at != null);
        for (JsonNode criterion : status.get("completions")) {
            ObjectNode c = (ObjectNode) criterion;
            c.put("complete", at != null).put("status", at != null ? "Yes" : "No");
            if (at != null) {
                c.put("timecompleted", at);
            } else {
                c.putNull("timecompleted");
            }
        }
        return out;
    }

    private JsonNode gradeItems(Map<String, String> form) {
        long courseId = Long.parseLong(form.get("courseid"));
        long userId = Long.parseLong(form.get("userid"));
        ObjectNode out =
                (ObjectNode) fixture("gradereport_user_get_grade_items").deepCopy();
        ObjectNode grades = (ObjectNode) out.get("usergrades").get(0);
        grades.put("courseid", courseId).put("userid", userId);
        ArrayNode items = (ArrayNode) grades.get("gradeitems");
        for (JsonNode item : items) {
            ObjectNode i = (ObjectNode) item;
            i.put("grademax", 100);
            site.grade(userId, courseId).ifPresentOrElse(g -> i.put("graderaw", g), () -> i.putNull("graderaw"));
        }
        return out;
    }

    private JsonNode calendarEvents(Map<String, String> form) {
        ObjectNode out =
                (ObjectNode) fixture("core_calendar_create_calendar_events").deepCopy();
        ArrayNode events = out.putArray("events");
        for (int i = 0; form.containsKey("events[" + i + "][name]"); i++) {
            String p = "events[" + i + "]";
            ObjectNode e = (ObjectNode) fixture("core_calendar_create_calendar_events")
                    .get("events")
                    .get(0)
                    .deepCopy();
            e.put("id", site.nextId())
                    .put("name", form.get(p + "[name]"))
                    .put("description", form.getOrDefault(p + "[description]", ""))
                    .put("courseid", Long.parseLong(form.getOrDefault(p + "[courseid]", "0")))
                    .put("eventtype", form.get(p + "[eventtype]"))
                    .put("timestart", Long.parseLong(form.get(p + "[timestart]")))
                    .put("timeduration", Long.parseLong(form.getOrDefault(p + "[timeduration]", "0")));
            events.add(e);
            synchronized (created) {
                created.add(e);
            }
        }
        return out;
    }

    /** Course events created so far in the asked courses, starting within [timestart, timeend] (live-4.5.6 shape). */
    private JsonNode courseEvents(Map<String, String> form) {
        ObjectNode out = (ObjectNode)
                fixture("core_calendar_get_calendar_events__as-trainflow").deepCopy();
        ArrayNode events = out.putArray("events");
        List<String> courses = indexed(form, "events[courseids]");
        long from = Long.parseLong(form.getOrDefault("options[timestart]", "0"));
        long to = Long.parseLong(form.getOrDefault("options[timeend]", String.valueOf(Long.MAX_VALUE)));
        synchronized (created) {
            created.stream()
                    .filter(e -> courses.contains(e.get("courseid").asText()))
                    .filter(e -> e.get("timestart").asLong() >= from
                            && e.get("timestart").asLong() <= to)
                    .forEach(events::add);
        }
        return out;
    }

    /** Calendar events created through the web service, in order. */
    List<ObjectNode> calendar() {
        synchronized (created) {
            return List.copyOf(created);
        }
    }

    private JsonNode messages(Map<String, String> form) {
        ArrayNode out = JSON.createArrayNode();
        for (int i = 0; form.containsKey("messages[" + i + "][touserid]"); i++) {
            String p = "messages[" + i + "]";
            ObjectNode m = first("core_message_send_instant_messages");
            long to = Long.parseLong(form.get(p + "[touserid]"));
            m.put("msgid", site.send(TOKEN_USER, to, form.get(p + "[text]")).id())
                    .put("text", form.get(p + "[text]"));
            if (form.containsKey(p + "[clientmsgid]")) {
                m.put("clientmsgid", form.get(p + "[clientmsgid]"));
            } else {
                m.remove("clientmsgid");
            }
            out.add(m);
        }
        return out;
    }

    /**
     * The recorded site info, offering core_message_get_messages as a service set up by the README does (the
     * recorded service predates that optional function). The token's user is the recorded one, {@link #TOKEN_USER}.
     */
    private JsonNode siteInfo() {
        ObjectNode out = (ObjectNode) fixture("core_webservice_get_site_info").deepCopy();
        out.put("userid", TOKEN_USER);
        ArrayNode functions = (ArrayNode) out.get("functions");
        ObjectNode getMessages = functions.get(0).deepCopy();
        functions.add(getMessages.put("name", "core_message_get_messages"));
        return out;
    }

    /** Messages from the asking account to useridto, newest first, limitnum of them (constructed shape). */
    private JsonNode messagesSent(Map<String, String> form) {
        ObjectNode out = (ObjectNode)
                fixture("core_message_get_messages__constructed-sent").deepCopy();
        JsonNode shape = out.get("messages").get(0);
        ArrayNode list = out.putArray("messages");
        long to = Long.parseLong(form.get("useridto"));
        long from = Long.parseLong(form.getOrDefault("useridfrom", String.valueOf(TOKEN_USER)));
        int max = Integer.parseInt(form.getOrDefault("limitnum", "50"));
        site.messages(from, to).stream().limit(max == 0 ? Long.MAX_VALUE : max).forEach(m -> {
            ObjectNode n = shape.deepCopy();
            n.put("id", m.id())
                    .put("useridfrom", m.fromUserId())
                    .put("useridto", m.toUserId())
                    .put("text", "<p>" + m.text() + "</p>")
                    .put("fullmessage", m.text())
                    .put("smallmessage", m.text())
                    .put("timecreated", m.timecreated());
            list.add(n);
        });
        return out;
    }

    private static ObjectNode course(ObjectNode n, MoodleSite.Course c) {
        n.put("id", c.id())
                .put("shortname", c.shortname())
                .put("fullname", c.fullname())
                .put("idnumber", "CRS-" + c.shortname());
        if (n.has("displayname")) {
            n.put("displayname", c.fullname());
        }
        return n;
    }

    /** A fresh copy of the first object of a recorded list. */
    private ObjectNode first(String name) {
        return (ObjectNode) fixture(name).get(0).deepCopy();
    }

    private synchronized JsonNode fixture(String name) {
        return recorded.computeIfAbsent(name, n -> {
            try (InputStream in = MoodleAnswers.class.getResourceAsStream("/moodle/" + n + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("no recorded Moodle fixture /moodle/" + n + ".json");
                }
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** values[0], values[1], ... in order. */
    private static List<String> indexed(Map<String, String> form, String key) {
        java.util.ArrayList<String> values = new java.util.ArrayList<>();
        for (int i = 0; form.containsKey(key + "[" + i + "]"); i++) {
            values.add(form.get(key + "[" + i + "]"));
        }
        return values;
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        Function<String, String> dec = s -> URLDecoder.decode(s, StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(dec.apply(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : dec.apply(pair.substring(eq + 1)));
        }
        return form;
    }
}

package io.trainflow.connectors.moodle.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Moodle capabilities behind each web-service function Trainflow calls, and the admin page that grants them.
 * One place for the error messages, {@code check-connections} and the README's list. Recorded on Moodle 4.5.6:
 * without the capability the function fails with its own words (or, for users, silently answers {@code []}).
 */
public final class MoodleCapabilities {

    /** Where a capability of the Trainflow role is allowed. */
    public static final String DEFINE_ROLES =
            "Site administration > Users > Permissions > Define roles > (the Trainflow"
                    + " role) > Edit (/admin/roles/define.php)";
    /** Where the Trainflow role is allowed to assign the student role. */
    public static final String ALLOW_ASSIGN = "Site administration > Users > Permissions > Define roles > Allow role"
            + " assignments: tick student in the Trainflow role's row (/admin/roles/allow.php?mode=assign)";

    /** A capability the Trainflow role needs, and what fails without it. */
    public record Need(String capability, String withoutIt) {}

    /** Function to the capabilities it needs, in the order a reader sets them up. */
    public static final Map<String, List<Need>> BY_FUNCTION = new LinkedHashMap<>();

    static {
        BY_FUNCTION.put(
                "core_webservice_get_site_info",
                List.of(new Need("webservice/rest:use", "every call is refused (accessexception)")));
        BY_FUNCTION.put(
                "core_user_get_users_by_field",
                List.of(
                        new Need("moodle/user:viewdetails", "users cannot be looked up"),
                        new Need("moodle/user:viewalldetails", "users are silently left out of the answer ([])")));
        BY_FUNCTION.put(
                "core_course_get_courses",
                List.of(
                        new Need("moodle/course:view", "courses cannot be read"),
                        new Need("moodle/course:viewhiddencourses", "hidden courses are left out")));
        BY_FUNCTION.put(
                "core_enrol_get_users_courses",
                List.of(new Need(
                        "moodle/course:viewparticipants", "a learner's courses and completion cannot be read")));
        BY_FUNCTION.put(
                "enrol_manual_enrol_users",
                List.of(
                        new Need("enrol/manual:enrol", "enrolment is refused"),
                        new Need(
                                "moodle/role:assign",
                                "enrolment is refused: \"You don't have the permission to assign this"
                                        + " role\" (wsusercannotassign); also allow the student role: "
                                        + ALLOW_ASSIGN)));
        BY_FUNCTION.put(
                "core_enrol_get_enrolled_users",
                List.of(new Need(
                        "moodle/course:viewparticipants", "the completion poll cannot list a course's learners")));
        BY_FUNCTION.put(
                "core_completion_get_course_completion_status",
                List.of(new Need("report/completion:view", "completion dates cannot be read")));
        BY_FUNCTION.put(
                "gradereport_user_get_grade_items",
                List.of(
                        new Need(
                                "gradereport/user:view", "grades cannot be read (nopermissions, \"View user report\")"),
                        new Need("moodle/grade:viewall", "other users' grades cannot be read")));
        BY_FUNCTION.put(
                "mod_feedback_get_responses_analysis",
                List.of(new Need("mod/feedback:viewreports", "feedback answers cannot be read")));
        BY_FUNCTION.put(
                "core_calendar_create_calendar_events",
                List.of(new Need(
                        "moodle/calendar:manageentries", "course events are refused (nopermissions warning)")));
        BY_FUNCTION.put(
                "core_message_send_instant_messages",
                List.of(
                        new Need("moodle/site:sendmessage", "messages cannot be sent"),
                        new Need(
                                "moodle/site:readallmessages",
                                "messages are refused by the learner's default privacy:"
                                        + " \"You can't message this user due to their message preferences\"")));
    }

    private MoodleCapabilities() {}

    /** The capabilities a failure message of one of the functions points to, with the page that grants them. */
    static String hint(String message) {
        String m = message == null ? "" : message;
        if (m.contains("message preferences")) {
            return " (allow moodle/site:readallmessages to the Trainflow role: " + DEFINE_ROLES + ")";
        }
        if (m.contains("permission to assign this role")) {
            return " (allow moodle/role:assign to the Trainflow role: " + DEFINE_ROLES + "; and " + ALLOW_ASSIGN + ")";
        }
        return BY_FUNCTION.entrySet().stream()
                .filter(f -> m.startsWith(f.getKey() + ":"))
                .findFirst()
                .map(f -> " (the Trainflow role needs "
                        + String.join(
                                ", ",
                                f.getValue().stream().map(Need::capability).toList()) + ": " + DEFINE_ROLES + ")")
                .orElse(" (a capability of the Trainflow role is missing: " + DEFINE_ROLES + ")");
    }
}

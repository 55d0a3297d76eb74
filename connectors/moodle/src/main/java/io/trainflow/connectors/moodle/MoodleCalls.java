package io.trainflow.connectors.moodle;

import io.trainflow.connectors.moodle.model.CalendarEventInput;
import io.trainflow.connectors.moodle.model.CalendarEventsResponse;
import io.trainflow.connectors.moodle.model.CourseCompletionStatusResponse;
import io.trainflow.connectors.moodle.model.CoursesByFieldResponse;
import io.trainflow.connectors.moodle.model.EnrolledUser;
import io.trainflow.connectors.moodle.model.FeedbackResponsesAnalysis;
import io.trainflow.connectors.moodle.model.FeedbacksResponse;
import io.trainflow.connectors.moodle.model.GradeItemsResponse;
import io.trainflow.connectors.moodle.model.InstantMessage;
import io.trainflow.connectors.moodle.model.ManualEnrolment;
import io.trainflow.connectors.moodle.model.MessageResult;
import io.trainflow.connectors.moodle.model.MoodleCourse;
import io.trainflow.connectors.moodle.model.MoodleUser;
import io.trainflow.connectors.moodle.model.SiteInfo;
import io.trainflow.connectors.moodle.model.UserCourse;
import io.trainflow.connectors.moodle.route.MoodleRoutes;
import io.trainflow.connectors.moodle.ws.MoodleCall;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * Typed Moodle functions, each sent through the route of its concern. Moodle's own vocabulary
 * (numeric ids, generated models); {@link MoodleLms} translates to the port's.
 */
public class MoodleCalls {

    private final ProducerTemplate template;

    public MoodleCalls(ProducerTemplate template) {
        this.template = template;
    }

    public List<MoodleUser> usersByUsername(Collection<String> usernames) {
        return send(
                MoodleRoutes.USERS,
                "core_user_get_users_by_field",
                new TypeReference<>() {},
                "field",
                "username",
                "values",
                List.copyOf(usernames));
    }

    /** Users by Moodle id (answers of mod_feedback name users by id only). */
    public List<MoodleUser> usersById(Collection<Long> ids) {
        return send(
                MoodleRoutes.USERS,
                "core_user_get_users_by_field",
                new TypeReference<>() {},
                "field",
                "id",
                "values",
                List.copyOf(ids));
    }

    /** The course with this shortname, or an empty list (shortnames are unique in Moodle). */
    public CoursesByFieldResponse courseByShortname(String shortname) {
        return send(
                MoodleRoutes.COURSES,
                "core_course_get_courses_by_field",
                new TypeReference<>() {},
                "field",
                "shortname",
                "value",
                shortname);
    }

    /** Who the token is and which functions its service offers; never retried (health checks). */
    public SiteInfo siteInfo() {
        return send(MoodleRoutes.HEALTH, "core_webservice_get_site_info", new TypeReference<>() {});
    }

    /**
     * One call of any function Trainflow uses, answered at once and never retried (check-connections' capability
     * probes): Moodle's answer as plain JSON values, or its typed error.
     */
    public Object probe(String function, Object... keyValues) {
        return send(MoodleRoutes.HEALTH, function, new TypeReference<Object>() {}, keyValues);
    }

    /** All courses when ids is empty (core_course_get_courses without options). */
    public List<MoodleCourse> courses(Collection<Long> ids) {
        return send(
                MoodleRoutes.COURSES,
                "core_course_get_courses",
                new TypeReference<>() {},
                "options",
                ids.isEmpty() ? null : Map.of("ids", List.copyOf(ids)));
    }

    /** Courses the user is enrolled in, with Moodle's completed flag; empty for unknown users. */
    public List<UserCourse> usersCourses(String route, long userId) {
        return send(route, "core_enrol_get_users_courses", new TypeReference<>() {}, "userid", userId);
    }

    /**
     * The course's active participants with their last access to it, one call per course, only the
     * two members needed (userfields) so a large course stays a small answer.
     */
    public List<EnrolledUser> enrolledUsers(long courseId) {
        return send(
                MoodleRoutes.COMPLETION,
                "core_enrol_get_enrolled_users",
                new TypeReference<>() {},
                "courseid",
                courseId,
                "options",
                List.of(
                        Map.of("name", "userfields", "value", "id,lastcourseaccess"),
                        Map.of("name", "onlyactive", "value", 1)));
    }

    public void enrol(List<ManualEnrolment> enrolments) {
        send(MoodleRoutes.ENROL, "enrol_manual_enrol_users", new TypeReference<Void>() {}, "enrolments", enrolments);
    }

    public CourseCompletionStatusResponse courseCompletion(long courseId, long userId) {
        return send(
                MoodleRoutes.COMPLETION,
                "core_completion_get_course_completion_status",
                new TypeReference<>() {},
                "courseid",
                courseId,
                "userid",
                userId);
    }

    public GradeItemsResponse gradeItems(long courseId, long userId) {
        return send(
                MoodleRoutes.GRADES,
                "gradereport_user_get_grade_items",
                new TypeReference<>() {},
                "courseid",
                courseId,
                "userid",
                userId);
    }

    public FeedbacksResponse feedbacks(Collection<Long> courseIds) {
        return send(
                MoodleRoutes.FEEDBACK,
                "mod_feedback_get_feedbacks_by_courses",
                new TypeReference<>() {},
                "courseids",
                List.copyOf(courseIds));
    }

    /** Every answer to one feedback activity (perpage 0: all at once); needs mod/feedback:viewreports. */
    public FeedbackResponsesAnalysis feedbackResponses(long feedbackId) {
        return send(
                MoodleRoutes.FEEDBACK,
                "mod_feedback_get_responses_analysis",
                new TypeReference<>() {},
                "feedbackid",
                feedbackId,
                "groupid",
                0,
                "page",
                0,
                "perpage",
                0);
    }

    public CalendarEventsResponse createEvents(List<CalendarEventInput> events) {
        return send(
                MoodleRoutes.CALENDAR,
                "core_calendar_create_calendar_events",
                new TypeReference<>() {},
                "events",
                events);
    }

    /** The course's events starting within [from, to] (epoch seconds), as the token's user sees them. */
    public CalendarEventsResponse courseEvents(long courseId, long from, long to) {
        return send(
                MoodleRoutes.CALENDAR,
                "core_calendar_get_calendar_events",
                new TypeReference<>() {},
                "events",
                Map.of("courseids", List.of(courseId)),
                "options",
                Map.of("userevents", 0, "siteevents", 0, "timestart", from, "timeend", to));
    }

    public List<MessageResult> sendMessages(List<InstantMessage> messages) {
        return send(
                MoodleRoutes.MESSAGES,
                "core_message_send_instant_messages",
                new TypeReference<>() {},
                "messages",
                messages);
    }

    /**
     * Instant messages Trainflow's account sent the user, newest first (core_message_get_messages; needs
     * moodle/site:readallmessages, which messaging learners needs anyway): Moodle's answer as plain JSON values.
     * Optional for the service, so not among the functions it must offer; asked once, never retried (the
     * step's own retry asks again).
     */
    public Object messagesSent(long fromUserId, long toUserId, int max) {
        return send(
                MoodleRoutes.HEALTH,
                "core_message_get_messages",
                new TypeReference<Object>() {},
                "useridto",
                toUserId,
                "useridfrom",
                fromUserId,
                "type",
                "conversations",
                "read",
                2,
                "newestfirst",
                1,
                "limitfrom",
                0,
                "limitnum",
                max);
    }

    /** Sends the call and unwraps Camel's wrapper so callers see the typed Moodle exceptions. */
    @SuppressWarnings("unchecked")
    private <T> T send(String route, String function, TypeReference<T> type, Object... keyValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        try {
            return (T) template.requestBody(route, new MoodleCall<>(function, params, type));
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}

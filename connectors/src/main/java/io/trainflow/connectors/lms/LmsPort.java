package io.trainflow.connectors.lms;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What Trainflow needs from a learning-management system, shaped after Moodle 4.5 web services
 * but naming no Moodle concept. People are identified by username, courses by the LMS course id
 * (as a string). Look-ups that find nothing return empty lists, never errors (as Moodle does).
 */
public interface LmsPort {

    /** Visible courses of the LMS catalogue (core_course_get_courses). */
    List<Course> courses();

    /** The courses with these ids; unknown ids are left out. */
    List<Course> courses(Collection<String> courseIds);

    /** Courses the learner is enrolled in, with the enrolment period and last access (core_enrol_get_users_courses). */
    List<Enrolment> enrolments(String username);

    /**
     * Enrols a learner as a student from {@code start} to {@code end}. Idempotent: enrolling an
     * enrolled learner again changes nothing but the period (like enrol_manual_enrol_users).
     *
     * @throws EnrolmentRefusedException when the LMS does not know the learner or the course
     */
    Enrolment enrol(String username, String courseId, Instant start, Instant end);

    /**
     * Moves the end of an existing enrolment (Moodle: enrol again with a later timeend).
     *
     * @throws EnrolmentRefusedException when the learner is not enrolled in the course
     */
    Enrolment extendEnrolment(String username, String courseId, Instant newEnd);

    /**
     * Course completion of every learner in every course, in one bulk call (Moodle has no
     * outbound webhooks, so progress is polled). Pairs where the learner is not enrolled come
     * back with {@code enrolled=false}.
     */
    List<CompletionStatus> completionStatus(Collection<String> usernames, Collection<String> courseIds);

    /** Course-total grades of one learner (gradereport_user_get_grade_items); ungraded courses are left out. */
    List<CourseGrade> grades(String username, Collection<String> courseIds);

    /** Responses to the courses' feedback activities (mod_feedback); username is null when anonymous. */
    List<FeedbackResponse> feedback(Collection<String> courseIds);

    /**
     * Creates user calendar events and returns their ids in the same order. Creating an event
     * identical to an existing one (same user, course, name and start) returns the existing id,
     * so a retried step does not duplicate events.
     */
    List<String> createCalendarEvents(List<CalendarEvent> events);

    /**
     * Sends an instant message (core_message_send_instant_messages). Failure to deliver is not
     * an exception: the receipt carries msgId -1 and the LMS's error message.
     */
    MessageReceipt sendMessage(String toUsername, String text, String clientMsgId);

    /**
     * The message sent to the user with this client id, if the LMS can tell. Trainflow asks before sending a
     * message again whose outcome it did not record (the process stopped during the call). Empty: not sent, or
     * the LMS cannot tell (Moodle keeps no client id), and the message is sent again.
     */
    default Optional<MessageReceipt> sentMessage(String toUsername, String clientMsgId) {
        return Optional.empty();
    }

    /**
     * As {@link #sentMessage(String, String)}, for an LMS that keeps no client id but can list what was sent:
     * the message with exactly this text sent to the user by Trainflow's own account since {@code since} (when
     * the intent to send was recorded), if the LMS can tell. {@code since} null: the LMS cannot tell safely.
     */
    default Optional<MessageReceipt> sentMessage(String toUsername, String clientMsgId, String text, Instant since) {
        return sentMessage(toUsername, clientMsgId);
    }
}

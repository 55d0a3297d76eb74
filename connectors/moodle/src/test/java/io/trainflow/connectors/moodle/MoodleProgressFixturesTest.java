package io.trainflow.connectors.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.lms.CalendarEvent;
import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.CourseGrade;
import io.trainflow.connectors.lms.MessageReceipt;
import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion, grades, feedback, calendar and messages against the recorded Moodle 4.5 answers. */
class MoodleProgressFixturesTest extends MoodleWireMockBase {

    @Test
    void completionIsPolledInBulkPerLearner() {
        knownUsers();
        replay(
                call("core_completion_get_course_completion_status")
                        .withFormParam("courseid", equalTo("2"))
                        .withFormParam("userid", equalTo("5")),
                "core_completion_get_course_completion_status");
        replay(
                call("core_completion_get_course_completion_status").withFormParam("courseid", equalTo("3")),
                "core_completion_get_course_completion_status__error-no-criteria");
        assertThatThrownBy(() -> lms.completionStatus(List.of("alice.employee"), List.of("3")))
                .isInstanceOf(MoodleBusinessException.NoCompletionCriteria.class);

        List<CompletionStatus> status = lms.completionStatus(List.of("alice.employee", "nobody"), List.of("2", "4"));
        assertThat(status)
                .containsExactly(
                        new CompletionStatus("alice.employee", "2", true, true, Instant.ofEpochSecond(1795415846)),
                        new CompletionStatus("alice.employee", "4", false, false, null),
                        new CompletionStatus("nobody", "2", false, false, null),
                        new CompletionStatus("nobody", "4", false, false, null));
        // one enrolment look-up per learner covers every course of that learner
        wm.verify(2, calls("core_enrol_get_users_courses"));
    }

    @Test
    void completionErrorsAreTyped() {
        replay(
                call("core_completion_get_course_completion_status").withFormParam("courseid", equalTo("2")),
                "core_completion_get_course_completion_status__error-user-not-enrolled");
        replay(
                call("core_completion_get_course_completion_status").withFormParam("courseid", equalTo("9999")),
                "core_completion_get_course_completion_status__error-nonexistent-course");
        MoodleCalls calls = new MoodleCalls(connectorTemplate());
        assertThatThrownBy(() -> calls.courseCompletion(2, 9))
                .isInstanceOf(MoodleBusinessException.UserNotEnrolled.class);
        assertThatThrownBy(() -> calls.courseCompletion(9999, 5))
                .isInstanceOf(MoodleBusinessException.NoSuchRecord.class);
    }

    @Test
    void courseTotalGradesAndUngradedOrUnknownCoursesLeftOut() {
        knownUsers();
        replay(
                call("gradereport_user_get_grade_items").withFormParam("courseid", equalTo("2")),
                "gradereport_user_get_grade_items");
        replay(
                call("gradereport_user_get_grade_items").withFormParam("courseid", equalTo("9999")),
                "gradereport_user_get_grade_items__error-nonexistent-course");
        replay(
                call("gradereport_user_get_grade_items").withFormParam("courseid", equalTo("3")),
                "gradereport_user_get_grade_items__user-not-enrolled");
        List<CourseGrade> grades = lms.grades("alice.employee", List.of("2", "9999", "3"));
        assertThat(grades).containsExactly(new CourseGrade("alice.employee", "2", 10, 10, null));
        assertThat(grades.get(0).passed()).isTrue();
    }

    @Test
    void feedbackActivitiesWithWarningsForUnknownCourses() {
        replay(
                call("mod_feedback_get_feedbacks_by_courses").withFormParam("courseids[1]", equalTo("9999")),
                "mod_feedback_get_feedbacks_by_courses__warning-nonexistent-course");
        assertThat(lms.feedbackActivities(List.of("2", "9999")))
                .singleElement()
                .satisfies(f -> assertThat(f.getName()).isEqualTo("Safety Course Feedback"));
    }

    @Test
    void calendarEventsAreCreatedOnceAndRefusalsAreTyped() {
        replay(call("core_calendar_get_calendar_events"), "core_calendar_get_calendar_events__constructed-none");
        replay(
                call("core_calendar_create_calendar_events")
                        .withFormParam("events[0][eventtype]", equalTo("course"))
                        .withFormParam("events[1][eventtype]", equalTo("user")),
                "core_calendar_create_calendar_events");
        List<CalendarEvent> events = List.of(
                new CalendarEvent(
                        "alice.employee",
                        "2",
                        "Safety refresher due",
                        "Complete the refresher",
                        Instant.ofEpochSecond(1798761600),
                        Duration.ofHours(1)),
                new CalendarEvent(
                        "alice.employee",
                        null,
                        "Integration sync check",
                        null,
                        Instant.ofEpochSecond(1798765200),
                        null),
                new CalendarEvent(
                        null,
                        "1",
                        "Company-wide training day",
                        null,
                        Instant.ofEpochSecond(1798848000),
                        Duration.ofHours(8)));
        assertThat(lms.createCalendarEvents(events)).containsExactly("1", "2", "3");
        assertThat(lms.createCalendarEvents(events)).containsExactly("1", "2", "3"); // a retried step
        wm.verify(1, calls("core_calendar_create_calendar_events"));

        wm.resetAll();
        replay(call("core_calendar_get_calendar_events"), "core_calendar_get_calendar_events__constructed-none");
        replay(
                call("core_calendar_create_calendar_events"),
                "core_calendar_create_calendar_events__warning-limited-token-course-event");
        assertThatThrownBy(() -> lms.createCalendarEvents(List.of(
                        new CalendarEvent(null, "2", "Not allowed", null, Instant.ofEpochSecond(1798761600), null))))
                .isInstanceOf(MoodleBusinessException.MissingCapability.class);
    }

    @Test
    void perMessageFailuresAreTheAdministratorsNotRetried() {
        knownUsers();
        replay(
                call("core_message_send_instant_messages")
                        .withFormParam("messages[0][clientmsgid]", equalTo("java-it-0001")),
                "core_message_send_instant_messages");
        replay(
                call("core_message_send_instant_messages").withFormParam("messages[0][clientmsgid]", equalTo("m-2")),
                "core_message_send_instant_messages__error-nonexistent-user");
        replay(
                call("core_message_send_instant_messages").withFormParam("messages[0][clientmsgid]", equalTo("m-3")),
                "core_message_send_instant_messages__error-missing-text");

        MessageReceipt sent = lms.sendMessage("alice.employee", "Your certificate is ready.", "java-it-0001");
        assertThat(sent.sent()).isTrue();
        assertThat(sent.msgId()).isEqualTo(1);
        // msgid -1: Moodle answered, a resend gets the same answer (issue 10: retried three times into an incident)
        assertThatThrownBy(() -> lms.sendMessage("alice.employee", "Hello?", "m-2"))
                .isInstanceOf(MoodleBusinessException.MessageNotDelivered.class)
                .hasMessageContaining("doesn't exist");
        assertThatThrownBy(() -> lms.sendMessage("nobody", "Hi", "m-4"))
                .isInstanceOf(MoodleBusinessException.UnknownUser.class);
        assertThatThrownBy(() -> lms.sendMessage("alice.employee", "", "m-3"))
                .isInstanceOf(MoodleBusinessException.InvalidParameter.class);
    }

    private org.apache.camel.ProducerTemplate connectorTemplate() {
        return connector.camel().createProducerTemplate();
    }
}

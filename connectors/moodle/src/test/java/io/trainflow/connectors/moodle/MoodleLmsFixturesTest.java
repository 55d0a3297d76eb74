package io.trainflow.connectors.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.connectors.lms.EnrolmentRefusedException;
import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Catalogue, users and enrolment against the recorded Moodle 4.5 answers. */
class MoodleLmsFixturesTest extends MoodleWireMockBase {

    @Test
    void catalogueLeavesOutTheSitePseudoCourse() {
        replay(call("core_course_get_courses"), "core_course_get_courses");
        assertThat(lms.courses()).extracting(Course::id).containsExactly("4", "2", "3");
        assertThat(lms.courses().get(1).shortname()).isEqualTo("SAFE101");
    }

    @Test
    void coursesByIdAndUnknownIdsAreLeftOut() {
        replay(
                call("core_course_get_courses").withFormParam("options[ids][0]", equalTo("2")),
                "core_course_get_courses__by-ids");
        replay(
                call("core_course_get_courses").withFormParam("options[ids][0]", equalTo("9999")),
                "core_course_get_courses__error-nonexistent-id");
        assertThat(lms.courses(List.of("2")))
                .singleElement()
                .extracting(Course::fullname)
                .isEqualTo("Workplace Safety 101");
        assertThat(lms.courses(List.of("9999"))).isEmpty();
        assertThat(lms.courses(List.of("not-a-number"))).isEmpty();
    }

    @Test
    void enrolmentsOfKnownAndUnknownLearners() {
        knownUsers();
        assertThat(lms.enrolments("alice.employee"))
                .extracting(Enrolment::courseId)
                .containsExactly("3", "2");
        assertThat(lms.enrolments("nobody")).isEmpty();
    }

    @Test
    void enrolWritesOnceWithPhpStyleForm() {
        knownUsers();
        replay(
                call("enrol_manual_enrol_users")
                        .withFormParam("enrolments[0][userid]", equalTo("5"))
                        .withFormParam("enrolments[0][courseid]", equalTo("4"))
                        .withFormParam("enrolments[0][roleid]", equalTo("5")),
                "enrol_manual_enrol_users");
        Instant end = Instant.parse("2027-01-01T00:00:00Z");
        Enrolment e = lms.enrol("alice.employee", "4", null, end);
        assertThat(e.end()).isEqualTo(end);
        wm.verify(
                1,
                calls("enrol_manual_enrol_users")
                        .withFormParam("enrolments[0][timeend]", equalTo(String.valueOf(end.getEpochSecond()))));
    }

    @Test
    void enrollingAnEnrolledLearnerDoesNotWrite() {
        knownUsers();
        replay(call("enrol_manual_enrol_users"), "enrol_manual_enrol_users__already-enrolled-is-noop");
        assertThat(lms.enrol("alice.employee", "2", null, null).courseId()).isEqualTo("2");
        wm.verify(0, calls("enrol_manual_enrol_users"));
    }

    @Test
    void unknownLearnerIsForTheAdministratorUnknownCourseIsRefusedNeitherRetried() {
        knownUsers();
        replay(
                call("enrol_manual_enrol_users").withFormParam("enrolments[0][courseid]", equalTo("9999")),
                "enrol_manual_enrol_users__error-nonexistent-course");
        assertThatThrownBy(() -> lms.enrol("nobody", "2", null, null))
                .isInstanceOfSatisfying(
                        MoodleBusinessException.UnknownUser.class,
                        e -> assertThat(e.isConfiguration()).isTrue());
        assertThatThrownBy(() -> lms.enrol("alice.employee", "9999", null, null))
                .isInstanceOf(EnrolmentRefusedException.class);
        wm.verify(1, calls("enrol_manual_enrol_users"));
    }

    @Test
    void extendingRequiresAnEnrolment() {
        knownUsers();
        replay(call("enrol_manual_enrol_users"), "enrol_manual_enrol_users");
        assertThatThrownBy(() -> lms.extendEnrolment("alice.employee", "4", Instant.now()))
                .isInstanceOf(EnrolmentRefusedException.class);
        lms.extendEnrolment("alice.employee", "2", Instant.parse("2027-06-01T00:00:00Z"));
        wm.verify(1, calls("enrol_manual_enrol_users").withFormParam("enrolments[0][courseid]", equalTo("2")));
    }

    @Test
    void missingCapabilityIsTypedAndNotRetried() {
        knownUsers();
        replay(call("enrol_manual_enrol_users"), "enrol_manual_enrol_users__error-missing-capability");
        assertThatThrownBy(() -> lms.enrol("alice.employee", "4", null, null))
                .isInstanceOf(MoodleBusinessException.MissingCapability.class)
                .extracting(e -> ((MoodleBusinessException) e).bpmnErrorCode())
                .isEqualTo("MOODLE_MISSING_CAPABILITY");
        wm.verify(1, calls("enrol_manual_enrol_users"));
    }

    @Test
    void protocolLevelErrors() {
        replay(call("core_course_get_courses"), "_common__invalid-token");
        assertThatThrownBy(lms::courses).isInstanceOf(MoodleBusinessException.InvalidToken.class);
        wm.resetAll();
        replay(call("core_course_get_courses"), "_common__function-not-in-service");
        assertThatThrownBy(lms::courses).isInstanceOf(MoodleBusinessException.FunctionNotInService.class);
        wm.resetAll();
        replay(call("core_course_get_courses"), "core_user_create_users__error-missing-capability");
        assertThatThrownBy(lms::courses).isInstanceOf(MoodleBusinessException.MissingCapability.class);
        wm.resetAll();
        wm.stubFor(call("core_course_get_courses")
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/html; charset=utf-8")));
        assertThatThrownBy(lms::courses).isInstanceOf(MoodleBusinessException.WebServicesDisabled.class);
        wm.verify(1, calls("core_course_get_courses"));
    }
}

package io.trainflow.connectors.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A step replayed after a crash between Moodle's write and the engine's commit: the second run
 * sees the enrolment Moodle now lists and does not write again, even with a later start time.
 */
class MoodleEnrolReplayTest extends MoodleWireMockBase {

    @Test
    void replayedEnrolmentWritesOnce() {
        replay(
                call("core_user_get_users_by_field").withFormParam("values[0]", equalTo("alice.employee")),
                "core_user_get_users_by_field");
        // before the write alice has no course; after it Moodle lists course 2 (and 3 as recorded)
        wm.stubFor(call("core_enrol_get_users_courses")
                .inScenario("enrol")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okForContentType(
                        "application/json", fixture("core_enrol_get_users_courses__user-without-courses"))));
        wm.stubFor(call("enrol_manual_enrol_users")
                .inScenario("enrol")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("enrolled")
                .willReturn(okForContentType("application/json", fixture("enrol_manual_enrol_users"))));
        wm.stubFor(call("core_enrol_get_users_courses")
                .inScenario("enrol")
                .whenScenarioStateIs("enrolled")
                .willReturn(okForContentType("application/json", fixture("core_enrol_get_users_courses"))));
        Instant end = Instant.parse("2027-06-01T00:00:00Z");

        lms.enrol("alice.employee", "2", Instant.parse("2027-03-01T08:00:00Z"), end);
        // the engine did not commit: the job runs again a little later
        lms.enrol("alice.employee", "2", Instant.parse("2027-03-01T08:05:00Z"), end);

        wm.verify(1, calls("enrol_manual_enrol_users"));
        wm.verify(2, calls("core_enrol_get_users_courses"));
        assertThat(lms.enrolments("alice.employee"))
                .extracting(e -> e.courseId())
                .contains("2");
    }
}

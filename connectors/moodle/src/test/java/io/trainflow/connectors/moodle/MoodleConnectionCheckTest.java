package io.trainflow.connectors.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.health.Finding.Kind;
import io.trainflow.connectors.moodle.catalogue.MoodleCourseIds;
import io.trainflow.connectors.moodle.health.MoodleConnectionCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** check-connections and /actuator/health against the recorded protocol-level answers. */
class MoodleConnectionCheckTest extends MoodleWireMockBase {

    /**
     * The recorded service lacks mod_feedback_get_responses_analysis and core_calendar_get_calendar_events (one
     * course event per session, issue 10); a complete one adds them.
     */
    static String completeSiteInfo() {
        return fixture("core_webservice_get_site_info")
                .replace(
                        "\"functions\":[",
                        "\"functions\":[{\"name\":\"mod_feedback_get_responses_analysis\",\"version\":\"2024100700\"},"
                                + "{\"name\":\"core_calendar_get_calendar_events\",\"version\":\"2024100700\"},");
    }

    private CheckResult check() {
        MoodleCourseIds courses = new MoodleCourseIds(connector.calls(), Map.of("safety", "SAFE101"));
        return new MoodleConnectionCheck("http://127.0.0.1:" + wm.port(), connector.calls(), courses).check();
    }

    private void catalogueCourseExists() {
        replay(
                call("core_course_get_courses_by_field").withFormParam("value", equalTo("SAFE101")),
                "core_course_get_courses_by_field__shortname");
    }

    /** Every capability-dependent read answers on course 2 (SAFE101) as the recorded Manager token's did. */
    private void capabilitiesInPlace() {
        replay(
                call("core_course_get_courses").withFormParam("options[ids][0]", equalTo("2")),
                "core_course_get_courses__by-ids");
        replay(
                call("core_enrol_get_enrolled_users").withFormParam("courseid", equalTo("2")),
                "core_enrol_get_enrolled_users");
        replay(
                call("core_user_get_users_by_field").withFormParam("field", equalTo("id")),
                "core_user_get_users_by_field");
        replay(call("gradereport_user_get_grade_items"), "gradereport_user_get_grade_items");
        replay(call("core_completion_get_course_completion_status"), "core_completion_get_course_completion_status");
    }

    @Test
    void everythingInPlace() {
        wm.stubFor(call("core_webservice_get_site_info").willReturn(okJson(completeSiteInfo())));
        catalogueCourseExists();
        capabilitiesInPlace();
        CheckResult result = check();
        assertThat(result.ok()).as(result.findings().toString()).isTrue();
        assertThat(result.findings().get(0).detail()).contains("Moodle 4.5 (Build: 20241007)", "ws_integration");
        assertThat(result.findings())
                .extracting(Finding::check)
                .contains("see a participant's account", "read grades", "read completion");
        assertThat(result.findings())
                .filteredOn(f -> f.kind() == Kind.NOT_CHECKED)
                .singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("TRAINFLOW_MOODLE_PROBE_COURSE"));
        wm.verify(0, calls("enrol_manual_enrol_users")); // no write without a probe course
    }

    @Test
    void eachMissingCapabilityIsNamedWithThePageThatGrantsIt() {
        // issue 10: without these, check-connections said OK while the lifecycle failed (live 4.5.6 answers)
        wm.stubFor(call("core_webservice_get_site_info").willReturn(okJson(completeSiteInfo())));
        catalogueCourseExists();
        capabilitiesInPlace();
        replay(
                call("core_user_get_users_by_field").withFormParam("field", equalTo("id")),
                "live-4.5.6__core_user_get_users_by_field__without-viewalldetails");
        replay(
                call("gradereport_user_get_grade_items"),
                "live-4.5.6__gradereport_user_get_grade_items__without-gradereport-user-view");
        replay(
                call("core_completion_get_course_completion_status"),
                "core_completion_get_course_completion_status__error-no-criteria");

        CheckResult result = check();

        assertThat(result.ok()).isFalse();
        assertThat(result.findings())
                .filteredOn(f -> f.kind() == Kind.MISSING_PERMISSION)
                .extracting(Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("moodle/user:viewalldetails", "/admin/roles/define.php"))
                .anySatisfy(d -> assertThat(d).contains("gradereport/user:view", "(View user report)"));
        assertThat(result.findings())
                .filteredOn(f -> f.kind() == Kind.MISSING_DATA)
                .singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("no completion criteria", "Moodle course set-up"));
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.detail()).doesNotContain("\tat ", "Exception:"));
    }

    @Test
    void withAProbeCourseTheWritesAreTriedAndARefusedRoleAssignmentIsNamed() {
        wm.stubFor(call("core_webservice_get_site_info").willReturn(okJson(completeSiteInfo())));
        catalogueCourseExists();
        capabilitiesInPlace();
        replay(call("enrol_manual_enrol_users"), "live-4.5.6__enrol_manual_enrol_users__error-without-role-assign");
        replay(call("core_calendar_get_calendar_events"), "core_calendar_get_calendar_events__constructed-none");
        replay(call("core_calendar_create_calendar_events"), "core_calendar_create_calendar_events__constructed-one");
        replay(
                call("core_message_send_instant_messages"),
                "live-4.5.6__core_message_send_instant_messages__without-readallmessages");
        CheckResult result;
        // a patient connector: this check makes a dozen calls, each must not time out on a busy machine
        try (MoodleConnector patient = MoodleConnector.start(new MoodleConfig(
                "http://127.0.0.1:" + wm.port(),
                TOKEN,
                java.time.Duration.ofSeconds(10),
                0,
                java.time.Duration.ofMillis(20),
                java.time.Duration.ofMillis(100),
                100,
                java.time.Duration.ofSeconds(30),
                0,
                5))) {
            MoodleCourseIds courses = new MoodleCourseIds(patient.calls(), Map.of("safety", "SAFE101"));
            result = new MoodleConnectionCheck("http://127.0.0.1:" + wm.port(), patient.calls(), courses, "SAFE101", 5)
                    .check();
        }

        assertThat(result.findings())
                .as(result.findings().toString())
                .filteredOn(f -> f.kind() == Kind.MISSING_PERMISSION)
                .extracting(Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("moodle/role:assign", "Allow role assignments"))
                .anySatisfy(d -> assertThat(d).contains("moodle/site:readallmessages", "message preferences"));
        assertThat(result.findings())
                .filteredOn(f -> f.check().equals("create a course event"))
                .singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.OK));
    }

    @Test
    void aRoleWithoutRestUseIsNotReportedAsAMissingFunction() {
        // Moodle answers every call with the same accessexception when the role lacks webservice/rest:use
        replay(call("core_webservice_get_site_info"), "_common__function-not-in-service");
        replay(call("core_course_get_courses"), "_common__function-not-in-service");
        assertThat(check().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.MISSING_PERMISSION);
            assertThat(f.detail()).contains("webservice/rest:use");
        });
    }

    @Test
    void functionMissingFromTheServiceIsNamed() {
        replay(call("core_webservice_get_site_info"), "core_webservice_get_site_info");
        catalogueCourseExists();
        capabilitiesInPlace();
        assertThat(check().findings())
                .filteredOn(f -> !f.ok())
                .allSatisfy(f -> assertThat(f.kind()).isEqualTo(Kind.FUNCTION_MISSING))
                .extracting(Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("mod_feedback_get_responses_analysis"))
                .anySatisfy(d -> assertThat(d).contains("core_calendar_get_calendar_events"));
    }

    @Test
    void badToken() {
        replay(call("core_webservice_get_site_info"), "_common__invalid-token");
        CheckResult result = check();
        assertThat(result.findings()).extracting(Finding::kind).containsExactly(Kind.BAD_CREDENTIALS);
        assertThat(result.findings().get(0).detail()).doesNotContain(TOKEN);
    }

    @Test
    void webServicesDisabled() {
        wm.stubFor(call("core_webservice_get_site_info")
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/html; charset=utf-8")));
        assertThat(check().findings()).extracting(Finding::kind).containsExactly(Kind.API_DISABLED);
        wm.verify(1, calls("core_webservice_get_site_info")); // a business answer: not retried
    }

    @Test
    void missingCapabilityOnTheCatalogueCourses() {
        wm.stubFor(call("core_webservice_get_site_info").willReturn(okJson(completeSiteInfo())));
        catalogueCourseExists();
        replay(call("core_course_get_courses"), "core_course_get_courses__limited-token");
        assertThat(check().findings())
                .filteredOn(f -> f.check().startsWith("read the course"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Kind.MISSING_PERMISSION);
                    assertThat(f.detail()).contains("errorcoursecontextnotvalid", "moodle/course:view");
                });
    }

    @Test
    void catalogueCourseUnknownToMoodle() {
        wm.stubFor(call("core_webservice_get_site_info").willReturn(okJson(completeSiteInfo())));
        // Moodle answers an unknown shortname with an empty list (look-ups that find nothing)
        wm.stubFor(call("core_course_get_courses_by_field").willReturn(okJson("{\"courses\":[],\"warnings\":[]}")));
        assertThat(check().findings()).filteredOn(f -> !f.ok()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.MISSING_DATA);
            assertThat(f.detail()).contains("SAFE101");
        });
    }

    @Test
    void notAMoodleAtThatUrl() {
        wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(404).withBody("<html>Not found</html>")));
        assertThat(check().findings()).extracting(Finding::kind).containsExactly(Kind.BAD_URL);
    }

    @Test
    void unreachable() {
        int port = wm.port();
        wm.stop();
        try (MoodleConnector down = MoodleConnector.start(config("http://127.0.0.1:" + port))) {
            CheckResult result = new MoodleConnectionCheck("http://127.0.0.1:" + port, down.calls(), null).check();
            assertThat(result.ok()).isFalse();
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.UNREACHABLE);
                assertThat(f.detail()).doesNotContain(TOKEN);
            });
        }
    }
}

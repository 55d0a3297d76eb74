package io.trainflow.connectors.moodle;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.health.Finding.Kind;
import io.trainflow.connectors.moodle.catalogue.MoodleCourseIds;
import io.trainflow.connectors.moodle.health.MoodleConnectionCheck;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

/** check-connections and /actuator/health against the recorded protocol-level answers. */
class MoodleConnectionCheckTest extends MoodleWireMockBase {

    /** The recorded service lacks only mod_feedback_get_responses_analysis; a complete one adds it. */
    static String completeSiteInfo() {
        return fixture("core_webservice_get_site_info").replace("\"functions\":[",
                "\"functions\":[{\"name\":\"mod_feedback_get_responses_analysis\",\"version\":\"2024100700\"},");
    }

    private CheckResult check() {
        MoodleCourseIds courses = new MoodleCourseIds(connector.calls(), Map.of("safety", "SAFE101"));
        return new MoodleConnectionCheck("http://127.0.0.1:" + wm.port(), connector.calls(), courses).check();
    }

    private void catalogueCourseExists() {
        replay(call("core_course_get_courses_by_field").withFormParam("value", equalTo("SAFE101")),
                "core_course_get_courses_by_field__shortname");
    }

    @Test
    void everythingInPlace() {
        wm.stubFor(call("core_webservice_get_site_info").willReturn(okJson(completeSiteInfo())));
        catalogueCourseExists();
        replay(call("core_course_get_courses").withFormParam("options[ids][0]", equalTo("2")), "core_course_get_courses__by-ids");
        CheckResult result = check();
        assertThat(result.ok()).isTrue();
        assertThat(result.findings()).singleElement().extracting(Finding::detail).asString()
                .contains("Moodle 4.5 (Build: 20241007)", "ws_integration");
    }

    @Test
    void functionMissingFromTheServiceIsNamed() {
        replay(call("core_webservice_get_site_info"), "core_webservice_get_site_info");
        catalogueCourseExists();
        replay(call("core_course_get_courses"), "core_course_get_courses__by-ids");
        assertThat(check().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.FUNCTION_MISSING);
            assertThat(f.detail()).contains("mod_feedback_get_responses_analysis");
        });
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
        wm.stubFor(call("core_webservice_get_site_info").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html; charset=utf-8")));
        assertThat(check().findings()).extracting(Finding::kind).containsExactly(Kind.API_DISABLED);
        wm.verify(1, calls("core_webservice_get_site_info")); // a business answer: not retried
    }

    @Test
    void missingCapabilityOnTheCatalogueCourses() {
        wm.stubFor(call("core_webservice_get_site_info").willReturn(okJson(completeSiteInfo())));
        catalogueCourseExists();
        replay(call("core_course_get_courses"), "core_course_get_courses__limited-token");
        assertThat(check().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.MISSING_PERMISSION);
            assertThat(f.detail()).contains("errorcoursecontextnotvalid");
        });
    }

    @Test
    void catalogueCourseUnknownToMoodle() {
        wm.stubFor(call("core_webservice_get_site_info").willReturn(okJson(completeSiteInfo())));
        // Moodle answers an unknown shortname with an empty list (look-ups that find nothing)
        wm.stubFor(call("core_course_get_courses_by_field").willReturn(okJson("{\"courses\":[],\"warnings\":[]}")));
        assertThat(check().findings()).singleElement().satisfies(f -> {
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

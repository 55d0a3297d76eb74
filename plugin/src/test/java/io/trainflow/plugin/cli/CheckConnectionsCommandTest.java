package io.trainflow.plugin.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trainflow check-connections} with no server running, against a WireMock Moodle replaying the fixtures. */
class CheckConnectionsCommandTest {

    private static final String TOKEN = "MOODLE_TOKEN_MANAGER";
    private WireMockServer moodle;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        moodle = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        moodle.start();
    }

    @AfterEach
    void stop() {
        moodle.stop();
    }

    private int run(Map<String, String> env, String... args) {
        CheckConnectionsCommand command = new CheckConnectionsCommand();
        new CommandLine(command).parseArgs(args);
        return command.run(env::get, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private int runMoodle(String baseUrl) {
        return run(
                Map.of("TRAINFLOW_MOODLE_TOKEN", TOKEN),
                "--trainflow.lms.type=moodle",
                "--trainflow.lms.moodle.base-url=" + baseUrl,
                "--spring.datasource.url=" + db());
    }

    /** The server's database, which the command reads the catalogue from. */
    private String db() {
        return "jdbc:h2:file:" + dir.resolve("trainflow").toAbsolutePath();
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String fixture(String name) {
        try (InputStream in = CheckConnectionsCommandTest.class.getResourceAsStream("/moodle/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder fn(String function) {
        return post(urlPathEqualTo("/webservice/rest/server.php"))
                .withQueryParam("wsfunction", equalTo(function))
                .withQueryParam("wstoken", equalTo(TOKEN));
    }

    /**
     * The demo's catalogue in the server's database, and every course of it in Moodle: the recorded by-shortname
     * answer, per shortname.
     */
    private void catalogueInMoodle() {
        List<String> shortnames =
                List.copyOf(DemoDatabase.at(db()).lmsShortnames().values());
        String recorded = fixture("core_course_get_courses_by_field__shortname");
        for (int i = 0; i < shortnames.size(); i++) {
            moodle.stubFor(fn("core_course_get_courses_by_field")
                    .withRequestBody(containing(
                            "value=" + java.net.URLEncoder.encode(shortnames.get(i), StandardCharsets.UTF_8)))
                    .willReturn(okJson(recorded.replace("\"id\":2,", "\"id\":" + (100 + i) + ",")
                            .replace("\"shortname\":\"SAFE101\"", "\"shortname\":\"" + shortnames.get(i) + "\""))));
        }
        moodle.stubFor(fn("core_course_get_courses").willReturn(okJson(fixture("core_course_get_courses__by-ids"))));
    }

    @Test
    void sampleConfigurationIsFine() {
        assertThat(run(Map.of())).isZero();
        assertThat(output()).contains("sample-lms\tOK", "sample-hcm\tOK");
    }

    /** The recorded service plus the two functions it lacks. */
    private void completeService() {
        moodle.stubFor(
                fn("core_webservice_get_site_info")
                        .willReturn(
                                okJson(
                                        fixture("core_webservice_get_site_info")
                                                .replace(
                                                        "\"functions\":[",
                                                        "\"functions\":[{\"name\":\"mod_feedback_get_responses_analysis\",\"version\":\"2024100700\"},"
                                                                + "{\"name\":\"core_calendar_get_calendar_events\",\"version\":\"2024100700\"},"))));
    }

    /** Each capability probe answers as the recorded Manager token's calls did. */
    private void capabilitiesInPlace() {
        moodle.stubFor(
                fn("core_enrol_get_enrolled_users").willReturn(okJson(fixture("core_enrol_get_enrolled_users"))));
        moodle.stubFor(fn("core_user_get_users_by_field").willReturn(okJson(fixture("core_user_get_users_by_field"))));
        moodle.stubFor(
                fn("gradereport_user_get_grade_items").willReturn(okJson(fixture("gradereport_user_get_grade_items"))));
        moodle.stubFor(fn("core_completion_get_course_completion_status")
                .willReturn(okJson(fixture("core_completion_get_course_completion_status"))));
    }

    @Test
    void moodleInPlace() {
        completeService();
        catalogueInMoodle();
        capabilitiesInPlace();
        assertThat(runMoodle(moodle.baseUrl())).as(output()).isZero();
        assertThat(output())
                .contains(
                        "moodle\tOK\tsite info, functions: Moodle 4.5 (Build: 20241007)",
                        "moodle\tOK\tsee a participant's account",
                        "moodle\tNOT_CHECKED\tenrol, calendar, message")
                .doesNotContain(TOKEN);
    }

    @Test
    void aMissingCapabilityIsOneLineNamingItWithoutAStackTrace() {
        // issue 10: without moodle/user:viewalldetails the check said OK; failing findings printed stack traces
        completeService();
        catalogueInMoodle();
        capabilitiesInPlace();
        moodle.stubFor(fn("core_user_get_users_by_field")
                .willReturn(okJson(fixture("live-4.5.6__core_user_get_users_by_field__without-viewalldetails"))));
        assertThat(runMoodle(moodle.baseUrl())).isEqualTo(1);
        assertThat(output())
                .contains(
                        "moodle\tMISSING_PERMISSION\tsee a participant's account:",
                        "moodle/user:viewalldetails",
                        "/admin/roles/define.php")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void recordedServiceLacksTheFeedbackAnswersFunction() {
        moodle.stubFor(
                fn("core_webservice_get_site_info").willReturn(okJson(fixture("core_webservice_get_site_info"))));
        catalogueInMoodle();
        capabilitiesInPlace();
        assertThat(runMoodle(moodle.baseUrl())).isEqualTo(1);
        assertThat(output())
                .contains(
                        "moodle\tFUNCTION_MISSING\tfunctions: web-service function mod_feedback_get_responses_analysis");
    }

    @Test
    void badToken() {
        moodle.stubFor(fn("core_webservice_get_site_info").willReturn(okJson(fixture("_common__invalid-token"))));
        assertThat(runMoodle(moodle.baseUrl())).isEqualTo(1);
        assertThat(output()).contains("moodle\tBAD_CREDENTIALS").doesNotContain(TOKEN);
    }

    @Test
    void webServicesDisabled() {
        moodle.stubFor(
                fn("core_webservice_get_site_info").willReturn(aResponse().withStatus(403)));
        assertThat(runMoodle(moodle.baseUrl())).isEqualTo(1);
        assertThat(output()).contains("moodle\tAPI_DISABLED");
    }

    @Test
    void unreachable() {
        String url = moodle.baseUrl();
        moodle.stop();
        assertThat(runMoodle(url)).isEqualTo(1);
        assertThat(output()).contains("moodle\tUNREACHABLE\tsite info: Moodle at " + url);
    }

    @Test
    void missingTokenNamesWhereToPutIt() {
        assertThat(run(Map.of(), "--trainflow.lms.type=moodle", "--trainflow.lms.moodle.base-url=" + moodle.baseUrl()))
                .isEqualTo(1);
        assertThat(output()).contains("TRAINFLOW_MOODLE_TOKEN", "trainflow.lms.moodle.token-file");
    }

    @Test
    void anUnknownHcmTypeIsNamed() {
        assertThat(run(Map.of(), "--trainflow.hcm.type=workday")).isEqualTo(1);
        assertThat(output()).contains("trainflow.hcm.type=workday is not supported; use sample, orangehrm or scim");
    }
}

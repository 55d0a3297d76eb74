package io.trainflow.connectors.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.connectors.moodle.error.MoodleUnavailableException;
import io.trainflow.connectors.moodle.model.ManualEnrolment;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transient failures: bounded retries, then a technical exception; recovery loses and duplicates nothing. */
class MoodleOutageTest extends MoodleWireMockBase {

    @Test
    void connectionRefusedIsRetriedThenTechnical() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (MoodleConnector down = MoodleConnector.start(config("http://127.0.0.1:" + closedPort))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> down.lms().courses())
                    .isInstanceOf(MoodleUnavailableException.class)
                    .hasRootCauseInstanceOf(ConnectException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void persistent503IsRetriedABoundedNumberOfTimes() {
        wm.stubFor(call("core_course_get_courses").willReturn(serviceUnavailable()));
        assertThatThrownBy(lms::courses).isInstanceOf(MoodleUnavailableException.class);
        wm.verify(1 + 3, calls("core_course_get_courses")); // first try + maxRetries
    }

    /** With a production-like timeout HttpClient would re-send a 503'd POST on its own; only our retries count. */
    @Test
    void aRefusedWriteIsResentOnlyByTheRoutesRetries() {
        wm.stubFor(
                call("enrol_manual_enrol_users").willReturn(serviceUnavailable().withHeader("Retry-After", "1")));
        try (MoodleConnector patient = MoodleConnector.start(new MoodleConfig(
                "http://127.0.0.1:" + wm.port(),
                TOKEN,
                Duration.ofSeconds(5),
                1,
                Duration.ofMillis(10),
                Duration.ofMillis(10),
                5,
                Duration.ofSeconds(30),
                0,
                5))) {
            assertThatThrownBy(() -> patient.calls()
                            .enrol(List.of(
                                    new ManualEnrolment().roleid(5L).userid(4L).courseid(4L))))
                    .isInstanceOf(MoodleUnavailableException.class);
        }
        wm.verify(1 + 1, calls("enrol_manual_enrol_users")); // first try + maxRetries, nothing resent underneath
    }

    @Test
    void tooManyRequestsIsRetried() {
        wm.stubFor(call("core_course_get_courses")
                .inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429))
                .willSetStateTo("ok"));
        wm.stubFor(call("core_course_get_courses")
                .inScenario("429")
                .whenScenarioStateIs("ok")
                .willReturn(okForContentType("application/json", fixture("core_course_get_courses"))));
        assertThat(lms.courses()).hasSize(3);
        wm.verify(2, calls("core_course_get_courses"));
    }

    @Test
    void slowAnswersPastTheTimeoutAreRetriedThenTechnical() {
        wm.stubFor(call("core_course_get_courses")
                .willReturn(okForContentType("application/json", fixture("core_course_get_courses"))
                        .withFixedDelay(1500))); // timeout is 500 ms here
        assertThatThrownBy(lms::courses)
                .isInstanceOf(MoodleUnavailableException.class)
                .hasRootCauseInstanceOf(SocketTimeoutException.class);
        wm.verify(1 + 3, calls("core_course_get_courses"));
    }

    /** Enrol during a 503 burst: the write lands exactly once, and re-running the step writes nothing. */
    @Test
    void enrolAfterA503BurstEnrolsExactlyOnce() {
        replay(call("core_user_get_users_by_field"), "core_user_get_users_by_field");
        wm.stubFor(call("core_enrol_get_users_courses")
                .inScenario("enrol")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okForContentType("application/json", fixture("core_enrol_get_users_courses"))));
        wm.stubFor(call("enrol_manual_enrol_users")
                .inScenario("enrol")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable())
                .willSetStateTo("503 again"));
        wm.stubFor(call("enrol_manual_enrol_users")
                .inScenario("enrol")
                .whenScenarioStateIs("503 again")
                .willReturn(serviceUnavailable())
                .willSetStateTo("recovered"));
        wm.stubFor(call("enrol_manual_enrol_users")
                .inScenario("enrol")
                .whenScenarioStateIs("recovered")
                .willReturn(okForContentType("application/json", "null"))
                .willSetStateTo("enrolled"));
        // once enrolled, Moodle lists course 4 among alice's courses
        wm.stubFor(call("core_enrol_get_users_courses")
                .inScenario("enrol")
                .whenScenarioStateIs("enrolled")
                .willReturn(okForContentType(
                        "application/json",
                        fixture("core_enrol_get_users_courses")
                                .replaceFirst("\\[\\{\"id\":3,", "[{\"id\":4},{\"id\":3,"))));

        Enrolment first = lms.enrol("alice.employee", "4", null, null);
        Enrolment rerun = lms.enrol("alice.employee", "4", null, null); // e.g. the step re-run after a crash
        assertThat(first.courseId()).isEqualTo("4");
        assertThat(rerun.courseId()).isEqualTo("4");
        wm.verify(3, calls("enrol_manual_enrol_users")); // two refused by the 503s, one that landed
        assertThat(wm.getAllScenarios().getScenarios().get(0).getState()).isEqualTo("enrolled");
    }

    @Test
    void breakerOpensAfterRepeatedFailuresAndFailsFast() {
        try (MoodleConnector fragile = MoodleConnector.start(new MoodleConfig(
                "http://127.0.0.1:" + wm.port(),
                TOKEN,
                Duration.ofMillis(500),
                0,
                Duration.ofMillis(10),
                Duration.ofMillis(10),
                2,
                Duration.ofSeconds(30),
                0,
                5))) {
            wm.stubFor(call("core_course_get_courses").willReturn(serviceUnavailable()));
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> fragile.lms().courses()).isInstanceOf(MoodleUnavailableException.class);
            }
            assertThatThrownBy(() -> fragile.lms().courses())
                    .isInstanceOf(MoodleUnavailableException.CircuitOpen.class);
            assertThat(fragile.circuitOpen()).isTrue();
            wm.verify(2, calls("core_course_get_courses"));
        }
    }

    @Test
    void rateLimitSpacesCalls() {
        replay(call("core_course_get_courses"), "core_course_get_courses");
        try (MoodleConnector limited = MoodleConnector.start(new MoodleConfig(
                "http://127.0.0.1:" + wm.port(),
                TOKEN,
                Duration.ofMillis(500),
                0,
                Duration.ofMillis(10),
                Duration.ofMillis(10),
                5,
                Duration.ofSeconds(30),
                10,
                5))) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                limited.lms().courses(List.of("1"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        }
    }
}

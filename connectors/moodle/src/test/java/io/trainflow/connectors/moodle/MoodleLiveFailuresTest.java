package io.trainflow.connectors.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.error.PortBusinessException;
import io.trainflow.connectors.error.PortUnavailableException;
import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import io.trainflow.connectors.moodle.error.MoodleUnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a live Moodle 4.5.6 answered when a capability of the Trainflow role was missing (fixtures
 * live-4.5.6__*, recorded for issue 10): each is a configuration failure for the administrator, in Moodle's own
 * words plus the capability and the page that fixes it, never a refusal and never retried. And what an outage
 * tells the step: when Moodle may answer again.
 */
class MoodleLiveFailuresTest extends MoodleWireMockBase {

    @Test
    void usersHiddenWithoutViewAllDetailsAreNotAMissingAccount() {
        knownUsers();
        assertThat(lms.enrolments("alice.employee")).isNotEmpty(); // alice seen once
        wm.resetAll();
        // moodle/user:viewalldetails removed: HTTP 200, body [] for every user (recorded)
        replay(
                call("core_user_get_users_by_field"),
                "live-4.5.6__core_user_get_users_by_field__without-viewalldetails");

        assertThatThrownBy(() -> lms.enrol("leo.brandt", "4", null, null))
                .isInstanceOfSatisfying(MoodleBusinessException.UnknownUser.class, e -> {
                    assertThat(e.isConfiguration())
                            .as("the administrator's, not a refusal")
                            .isTrue();
                    assertThat(e.getMessage()).contains("moodle/user:viewalldetails", "Define roles");
                });
        wm.verify(0, calls("enrol_manual_enrol_users"));
    }

    @Test
    void aMissingAccountIsNamedWhenOtherUsersAreVisible() {
        knownUsers();
        lms.enrolments("alice.employee");
        assertThatThrownBy(() -> lms.enrol("nobody", "4", null, null))
                .isInstanceOfSatisfying(
                        MoodleBusinessException.UnknownUser.class,
                        e -> assertThat(e.getMessage())
                                .contains("no user with username 'nobody'", "other users are visible"));
    }

    @Test
    void enrolmentWithoutRoleAssignNamesTheCapabilityAndTheAllowedRole() {
        knownUsers();
        replay(call("enrol_manual_enrol_users"), "live-4.5.6__enrol_manual_enrol_users__error-without-role-assign");

        assertThatThrownBy(() -> lms.enrol("alice.employee", "4", null, null))
                .isInstanceOfSatisfying(MoodleBusinessException.MissingCapability.class, e -> {
                    assertThat(e.isConfiguration()).isTrue();
                    assertThat(e.errorCode()).isEqualTo("wsusercannotassign");
                    assertThat(e.getMessage())
                            .contains(
                                    "You don't have the permission to assign this role (5)",
                                    "moodle/role:assign",
                                    "Allow role assignments");
                });
        wm.verify(1, calls("enrol_manual_enrol_users")); // not retried
    }

    @Test
    void aMessageRefusedByTheLearnersPrivacyNamesReadAllMessages() {
        knownUsers();
        replay(
                call("core_message_send_instant_messages"),
                "live-4.5.6__core_message_send_instant_messages__without-readallmessages");

        assertThatThrownBy(() -> lms.sendMessage("alice.employee", "hello", "tf-1"))
                .isInstanceOfSatisfying(MoodleBusinessException.MessageNotDelivered.class, e -> {
                    assertThat(e.isConfiguration()).isTrue();
                    assertThat(e.getMessage())
                            .contains("due to their message preferences", "moodle/site:readallmessages");
                });
        wm.verify(1, calls("core_message_send_instant_messages"));
    }

    @Test
    void gradesWithoutTheUserReportCapabilityNameIt() {
        knownUsers();
        replay(
                call("gradereport_user_get_grade_items"),
                "live-4.5.6__gradereport_user_get_grade_items__without-gradereport-user-view");

        assertThatThrownBy(() -> lms.grades("alice.employee", List.of("4")))
                .isInstanceOfSatisfying(PortBusinessException.class, e -> {
                    assertThat(e.isConfiguration()).isTrue();
                    assertThat(e.getMessage()).contains("(View user report)", "gradereport/user:view");
                });
        wm.verify(1, calls("gradereport_user_get_grade_items"));
    }

    @Test
    void anOutageSaysWhenToComeBack() {
        wm.stubFor(call("core_course_get_courses")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
        assertThatThrownBy(lms::courses)
                .isInstanceOfSatisfying(
                        PortUnavailableException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));

        try (MoodleConnector fragile = MoodleConnector.start(new MoodleConfig(
                "http://127.0.0.1:" + wm.port(),
                TOKEN,
                Duration.ofMillis(500),
                0,
                Duration.ofMillis(10),
                Duration.ofMillis(10),
                1,
                Duration.ofSeconds(30),
                0,
                5))) {
            wm.stubFor(call("core_course_get_courses").willReturn(serviceUnavailable()));
            assertThatThrownBy(() -> fragile.lms().courses())
                    .isInstanceOfSatisfying(
                            PortUnavailableException.class,
                            e -> assertThat(e.retryAfter())
                                    .as("the breaker just opened for 30 s")
                                    .hasValueSatisfying(d ->
                                            assertThat(d).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30))));
            assertThatThrownBy(() -> fragile.lms().courses())
                    .isInstanceOfSatisfying(
                            MoodleUnavailableException.CircuitOpen.class,
                            e -> assertThat(e.retryAfter())
                                    .hasValueSatisfying(d ->
                                            assertThat(d).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30))));
        }
    }
}

package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.tests.moodle.MoodleBackedLifecycle;
import io.trainflow.tests.moodle.WireMockMoodle;
import io.trainflow.workflows.engine.IncidentsPort.Incident;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, as a live Moodle 4.5.6 answered with a capability of the Trainflow role missing (recorded answers):
 * the approved learner was told "Your training request … was rejected." and permanent errors were retried three
 * times. Now a configuration failure is an incident for the administrator at the first attempt, naming Moodle's
 * words and the capability; the learner hears nothing until it is fixed, then the enrolment with course and session.
 */
class MoodleConfigurationFailureTest {

    private final MoodleBackedLifecycle withMoodle = new MoodleBackedLifecycle();
    private final WireMockMoodle moodle = withMoodle.moodle;
    private final SampleLifecycle life = withMoodle.life;

    @AfterEach
    void close() {
        withMoodle.close();
    }

    @Test
    void usersHiddenByAMissingCapabilityAreAnIncidentNotARejection() {
        // moodle/user:viewalldetails removed: core_user_get_users_by_field answers [] (recorded)
        moodle.answerWith(
                "core_user_get_users_by_field", recorded("core_user_get_users_by_field__without-viewalldetails"));
        String request = life.request("alice.martin", "1004", "I want to automate our reports", List.of());

        life.approve("sophie.laurent", request);

        Incident incident = onlyIncident();
        assertThat(incident.elementId()).isEqualTo("enrol");
        assertThat(incident.message()).contains("Configuration problem", "moodle/user:viewalldetails", "alice.martin");
        assertThat(texts())
                .as("the learner is not told her approved request was rejected")
                .noneMatch(t -> t.contains("rejected"));
        assertThat(life.endedAt(request))
                .as("the request waits for the administrator")
                .isNull();
        assertThat(life.outcome(request)).isEmpty();

        moodle.answerFromSite("core_user_get_users_by_field"); // the administrator allows the capability
        retry(incident);

        assertThat(withMoodle.enrolled("alice.martin", "PY-AUTO")).isTrue();
        assertThat(texts())
                .as("the enrolment names the course and the session")
                .anySatisfy(t -> assertThat(t).contains("You are enrolled in Python", "session", " from "));
    }

    @Test
    void enrolmentWithoutRoleAssignIsOneAttemptThenAnIncidentInMoodlesWords() {
        String request = life.request("alice.martin", "1004", "I want to automate our reports", List.of());
        moodle.answerWith("enrol_manual_enrol_users", recorded("enrol_manual_enrol_users__error-without-role-assign"));

        life.approve("sophie.laurent", request);
        life.advance(Duration.ofMinutes(10));

        assertThat(moodle.calls("enrol_manual_enrol_users"))
                .as("a permanent error is not retried")
                .isEqualTo(1);
        assertThat(onlyIncident().message())
                .contains(
                        "wsusercannotassign",
                        "You don't have the permission to assign this role",
                        "moodle/role:assign",
                        "Allow role assignments");
        assertThat(texts()).noneMatch(t -> t.contains("rejected"));
        assertThat(life.endedAt(request)).isNull();
    }

    private Incident onlyIncident() {
        List<Incident> incidents = life.engine().incidents().list();
        assertThat(incidents).hasSize(1);
        return incidents.get(0);
    }

    private void retry(Incident incident) {
        life.engine().incidents().retry(incident.id(), 1);
        life.run();
    }

    /** Texts of the instant messages Trainflow sent through Moodle. */
    private List<String> texts() {
        return moodle.forms("core_message_send_instant_messages").stream()
                .map((Map<String, String> f) -> f.get("messages[0][text]"))
                .toList();
    }

    private static String recorded(String name) {
        try (InputStream in = MoodleConfigurationFailureTest.class.getResourceAsStream("/moodle/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.tests.moodle.MoodleLmsWiring;
import io.trainflow.tests.moodle.MoodleSite;
import io.trainflow.tests.moodle.SampleMoodleSite;
import io.trainflow.tests.moodle.WireMockMoodle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The happy path with Moodle behind the LMS port (the connector's Camel routes over HTTP to a
 * WireMock Moodle answering in the recorded shapes), the handlers unchanged: request, approval,
 * enrolment in Moodle, completion found by the bulk poll, evaluation, follow-ups, outcome.
 */
class MoodleLifecycleTest {

    private final MoodleSite site;
    private final WireMockMoodle moodle;
    private final MoodleLmsWiring wiring;
    private final SampleLifecycle life;

    MoodleLifecycleTest() {
        site = SampleMoodleSite.atLifecycleStart();
        moodle = WireMockMoodle.start(site);
        wiring = new MoodleLmsWiring(moodle);
        life = SampleLifecycle.start(wiring.replacingSampleLms());
    }

    @AfterEach
    void close() {
        life.close();
        wiring.close();
        moodle.close();
    }

    @Test
    void employeeRequestRunsToRecordedOutcomeAgainstMoodle() {
        long alice = site.user("alice.martin").orElseThrow().id();
        long python = site.course("PY-AUTO").orElseThrow().id();
        long sql = site.course("SQL-101").orElseThrow().id();

        String request = life.request("alice.martin", "1004", "I want to automate our reports", List.of());
        life.approve("sophie.laurent", request);
        assertThat(site.enrolled(alice, python) && site.enrolled(alice, sql))
                .as("enrolled in Moodle")
                .isTrue();
        assertThat(moodle.calls("core_calendar_create_calendar_events"))
                .as("sessions in the Moodle calendar")
                .isPositive();
        assertThat(moodle.forms("core_message_send_instant_messages"))
                .as("the learner told of the enrolment through Moodle messaging")
                .anySatisfy(f -> assertThat(f).containsEntry("messages[0][touserid]", String.valueOf(alice)));

        assertThat(life.syncProgress()).as("nothing complete yet").isZero();
        finish(alice, python, 82);
        assertThat(life.syncProgress()).as("one course of two is not the path").isZero();
        finish(alice, sql, 91);
        assertThat(life.syncProgress()).isEqualTo(1);
        assertThat(life.variables(request)).containsEntry("trainingStatus", "completed");

        life.followUps("sophie.laurent", request, Map.of("behaviourScore", 4, "observation", "uses it weekly"));
        assertThat(life.endedAt(request)).isEqualTo("completed");
        assertThat(life.outcome(request)).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo("completed");
            assertThat(o.learning().toString())
                    .as("Moodle's course grades reached the evaluation")
                    .contains("82", "91");
        });
        assertThat(moodle.calls("gradereport_user_get_grade_items")).isPositive();
    }

    /** The learner works through the course; Moodle's completion task marks it complete and grades it. */
    private void finish(long user, long course, double grade) {
        long now = life.clock().instant().getEpochSecond();
        site.access(user, course, now);
        site.grade(user, course, grade);
        site.complete(user, course, now);
    }
}

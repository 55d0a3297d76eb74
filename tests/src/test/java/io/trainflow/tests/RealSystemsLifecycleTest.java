package io.trainflow.tests;

import static io.trainflow.tests.orangehrm.SmallOrangeHrm.COURSE;
import static io.trainflow.tests.orangehrm.SmallOrangeHrm.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.tests.moodle.MoodleLmsWiring;
import io.trainflow.tests.moodle.MoodleSite;
import io.trainflow.tests.moodle.SampleMoodleSite;
import io.trainflow.tests.moodle.WireMockMoodle;
import io.trainflow.tests.orangehrm.SmallOrangeHrm;
import io.trainflow.workflows.TrainflowPorts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's end-to-end check: the lifecycle with both real systems behind the ports at once, the
 * handlers unchanged. Moodle (through the catalogue-to-Moodle course mapping) is the LMS, OrangeHRM
 * (through the catalogue's skill and job-title ids) the HCM, each a WireMock server answering in the
 * recorded shapes. The test asserts the writes each system received and the recorded outcome.
 */
class RealSystemsLifecycleTest {

    private final MoodleSite site;
    private final WireMockMoodle moodle;
    private final MoodleLmsWiring moodleLms;
    private final SmallOrangeHrm orangeHrm;
    private final SampleLifecycle life;

    RealSystemsLifecycleTest() {
        site = SampleMoodleSite.atLifecycleStart();
        moodle = WireMockMoodle.start(site);
        moodleLms = new MoodleLmsWiring(moodle);
        orangeHrm = SmallOrangeHrm.start();
        life = SampleLifecycle.startWith(p -> orangeHrm.replacingSampleHcm(new TrainflowPorts(
                moodleLms.replacingSampleLms().apply(p.lms()),
                p.hcm(),
                p.ai(),
                p.catalogue(),
                p.outcomes(),
                p.delegations(),
                p.clock(),
                p.quizExports())));
    }

    @AfterEach
    void close() {
        life.close();
        moodleLms.close();
        moodle.close();
        orangeHrm.close();
    }

    @Test
    void requestRunsToTheRecordedOutcomeAgainstMoodleAndOrangeHrm() {
        long alice = site.user("alice.martin").orElseThrow().id();
        long python = site.course("PY-AUTO").orElseThrow().id();

        // OrangeHRM names the learner (empNumber 3) and her supervisor; Moodle knows her by the same username
        String request =
                life.request("alice.martin", LEARNER, "I want to automate our reports with Python", List.of(COURSE));
        life.approve("sophie.laurent", request); // her Platform Team sits under Engineering, whose budget covers it

        assertThat(site.enrolled(alice, python))
                .as("enrolled in Moodle's PY-AUTO")
                .isTrue();
        assertThat(moodle.forms("enrol_manual_enrol_users"))
                .as("one enrolment per course, none repeated")
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .containsEntry("enrolments[0][userid]", String.valueOf(alice))
                        .containsEntry("enrolments[0][courseid]", String.valueOf(python))
                        .doesNotContainKey("enrolments[1][userid]"));

        assertThat(life.syncProgress()).as("nothing complete yet").isZero();
        long now = life.clock().instant().getEpochSecond();
        site.access(alice, python, now);
        site.grade(alice, python, 87);
        site.complete(alice, python, now);
        assertThat(life.syncProgress())
                .as("Moodle's completion found by the poll")
                .isEqualTo(1);
        assertThat(life.variables(request)).containsEntry("trainingStatus", "completed");

        life.followUps(
                "sophie.laurent", request, Map.of("behaviourScore", 4, "observation", "automates the weekly report"));
        assertThat(life.endedAt(request)).isEqualTo("completed");
        assertThat(life.outcome(request)).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo("completed");
            assertThat(o.learning().toString())
                    .as("Moodle's course grade reached the evaluation")
                    .contains("87");
        });
        assertThat(moodle.forms("enrol_manual_enrol_users"))
                .as("no enrolment written again later")
                .hasSize(1);
        orangeHrm.verifyTrainingRecordedAndPythonRaised(request);
    }
}

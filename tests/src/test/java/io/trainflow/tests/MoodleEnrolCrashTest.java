package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.sample.InMemorySampleState;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.tests.moodle.MoodleLmsWiring;
import io.trainflow.tests.moodle.MoodleSite;
import io.trainflow.tests.moodle.SampleMoodleSite;
import io.trainflow.tests.moodle.WireMockMoodle;
import io.trainflow.workflows.engine.flowable.CompletionSync;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application dies after Moodle has enrolled the learner but before the engine has committed
 * the enrol step. The restarted application runs the step again (the dead worker's lock is
 * released at start-up); Moodle must still see one enrolment write per learner and course.
 */
class MoodleEnrolCrashTest {

    @TempDir
    Path dir;

    @Test
    void aCrashBetweenMoodleEnrolmentAndEngineCommitEnrolsOnce() throws SQLException {
        EngineClock clock = new EngineClock();
        clock.set(SampleLifecycle.START);
        MoodleSite site = SampleMoodleSite.of(SampleOrganisation.fromClasspath(clock, new InMemorySampleState()));
        long alice = site.user("alice.martin").orElseThrow().id();
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1";
        try (WireMockMoodle moodle = WireMockMoodle.start(site)) {
            String request;
            Instant crashedAt;
            MoodleLmsWiring firstProcess = new MoodleLmsWiring(moodle);
            SampleLifecycle first =
                    SampleLifecycle.open(url, SampleLifecycle.START, false, firstProcess.replacingSampleLms());
            request = first.request("alice.martin", "1004", "Automate reports", List.of());
            // the process dies while Moodle's answer to the first enrolment write is on its way
            moodle.onceAfter("enrol_manual_enrol_users", first::close);
            try {
                first.approve("sophie.laurent", request);
            } catch (RuntimeException expected) {
                // the dying engine cannot record anything any more
            }
            crashedAt = first.clock().instant();
            firstProcess.close();
            shutdown(url);
            assertThat(moodle.calls("enrol_manual_enrol_users"))
                    .as("Moodle enrolled before the crash")
                    .isEqualTo(1);

            try (MoodleLmsWiring secondProcess = new MoodleLmsWiring(moodle);
                    SampleLifecycle second =
                            SampleLifecycle.open(url, crashedAt, false, secondProcess.replacingSampleLms())) {
                assertThat(second.flowable()
                                .getManagementService()
                                .createExternalWorkerJobQuery()
                                .elementId("enrol")
                                .count())
                        .as("the enrol step was not committed")
                        .isEqualTo(1);

                second.run();

                Map<String, Long> writes = moodle.forms("enrol_manual_enrol_users").stream()
                        .collect(Collectors.groupingBy(
                                f -> f.get("enrolments[0][userid]") + "/" + f.get("enrolments[0][courseid]"),
                                Collectors.counting()));
                long py = site.course("PY-AUTO").orElseThrow().id();
                long sql = site.course("SQL-101").orElseThrow().id();
                assertThat(writes)
                        .as("one write per learner and course, across the crash")
                        .containsOnly(Map.entry(alice + "/" + py, 1L), Map.entry(alice + "/" + sql, 1L));
                assertThat(site.enrolled(alice, py) && site.enrolled(alice, sql))
                        .isTrue();
                assertThat(second.flowable()
                                .getRuntimeService()
                                .createExecutionQuery()
                                .activityId(CompletionSync.WAITING_ELEMENT)
                                .count())
                        .as("the process went on past enrolment to wait for completion")
                        .isEqualTo(1);
                assertThat(second.variables(request)).containsKey("enrolments");
            }
        }
    }

    /** Closes the database as a stopped application would, so the next start reads it from disk. */
    private static void shutdown(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}

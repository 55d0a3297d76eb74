package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.lms.Enrolment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping and starting the application mid-lifecycle loses nothing: tasks, timers, variables, LMS state. */
class EngineRestartTest {

    @TempDir
    Path dir;

    @Test
    void aRestartedEngineCarriesOnWhereItStopped() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1";
        String request;
        String taskId;
        Map<String, Object> before;
        Instant stoppedAt;
        try (SampleLifecycle first = SampleLifecycle.open(url, SampleLifecycle.START, false)) {
            request = first.request("alice.martin", "1004", "Automate reports", List.of());
            taskId = first.task("sophie.laurent", "approve", request).getId();
            before = first.variables(request);
            first.advance(Duration.ofDays(1));
            assertThat(first.messagesTo("sophie.laurent"))
                    .as("the reminder is still pending")
                    .isEmpty();
            stoppedAt = first.clock().instant();
        }
        shutdown(url);

        List<Enrolment> enrolled;
        try (SampleLifecycle second = SampleLifecycle.open(url, stoppedAt, false)) {
            assertThat(second.flowable()
                            .getRepositoryService()
                            .createDeploymentQuery()
                            .count())
                    .as("deploying the unchanged processes again adds no version")
                    .isEqualTo(1);
            Task approve = second.task("sophie.laurent", "approve", request);
            assertThat(approve.getId()).isEqualTo(taskId);
            assertThat(second.variables(request)).isEqualTo(before);

            second.advance(Duration.ofDays(1));
            assertThat(second.messagesTo("sophie.laurent"))
                    .as("the timer set before the restart fires after it")
                    .singleElement()
                    .satisfies(m -> assertThat(m.text()).startsWith("Reminder"));

            second.approve("sophie.laurent", request);
            enrolled = second.org().lms().enrolments("alice.martin");
            assertThat(enrolled).extracting(Enrolment::courseId).contains("103", "104");
            stoppedAt = second.clock().instant();
        }
        shutdown(url);

        try (SampleLifecycle third = SampleLifecycle.open(url, stoppedAt, false)) {
            assertThat(third.org().lms().enrolments("alice.martin")).isEqualTo(enrolled);
            third.learnerCompletesNextCourse("alice.martin");
            third.learnerCompletesNextCourse("alice.martin");
            for (int day : new int[] {30, 60, 90}) {
                third.advance(Duration.ofDays(30));
                third.complete(
                        "sophie.laurent",
                        third.task("sophie.laurent", "follow-up-" + day, request),
                        Map.of("behaviourScore", 4, "observation", "uses it weekly"));
            }
            assertThat(third.endedAt(request)).isEqualTo("completed");
            assertThat(third.outcome(request))
                    .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo("completed"));
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

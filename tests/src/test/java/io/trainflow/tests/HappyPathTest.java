package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HappyPathTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void employeeRequestRunsFromIntakeToRecordedOutcome() {
        String request = life.request("alice.martin", "1004", "I want to automate our reports", List.of());
        assertThat(life.variables(request))
                .containsEntry("origin", "employee-request")
                .containsKey("learningPath");

        life.approve("sophie.laurent", request);
        assertThat(life.org().lms().enrolments("alice.martin")).isNotEmpty();

        life.learnerCompletesNextCourse("alice.martin");
        life.learnerCompletesNextCourse("alice.martin");
        assertThat(life.variables(request)).containsEntry("trainingStatus", "completed");

        for (int day : new int[] {30, 60, 90}) {
            life.advance(Duration.ofDays(30));
            life.complete(
                    "sophie.laurent",
                    life.task("sophie.laurent", "follow-up-" + day, request),
                    Map.of("behaviourScore", 4, "observation", "uses it weekly"));
        }
        assertThat(life.endedAt(request)).isEqualTo("completed");
        assertThat(life.ports().outcomes().ofProgramme(""))
                .anySatisfy(o -> assertThat(o.status()).isEqualTo("completed"));
    }
}

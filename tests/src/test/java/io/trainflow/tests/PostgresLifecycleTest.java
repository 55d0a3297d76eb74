package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Production runs on PostgreSQL: the engine, the stores and a request's lifecycle, on a real server, across a restart. */
class PostgresLifecycleTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void requestRunsAndSurvivesARestartOnPostgres() {
        String request;
        try (SampleLifecycle life = SampleLifecycle.open(postgres.jdbcUrl(), SampleLifecycle.START, false)) {
            request = life.request("alice.martin", "1004", "reports", List.of());
            assertThat(life.task("sophie.laurent", "approve", request)).isNotNull();
        }
        try (SampleLifecycle life = SampleLifecycle.open(postgres.jdbcUrl(), SampleLifecycle.START.plusSeconds(60), false)) {
            life.approve("sophie.laurent", request);
            life.learnerCompletesNextCourse("alice.martin");
            life.learnerCompletesNextCourse("alice.martin");
            for (int day : new int[] {30, 60, 90}) {
                life.advance(Duration.ofDays(30));
                life.complete("sophie.laurent", life.task("sophie.laurent", "follow-up-" + day, request),
                        Map.of("behaviourScore", 5, "observation", "applies it"));
            }
            assertThat(life.endedAt(request)).isEqualTo("completed");
            assertThat(life.variables(request)).containsEntry("trainingStatus", "completed");
        }
    }
}

package io.trainflow.tests.parity;

import io.trainflow.connectors.sample.InMemorySampleState;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.tests.PostgresServer;
import io.trainflow.tests.crash.JarNodes;
import io.trainflow.tests.moodle.SampleMoodleSite;
import io.trainflow.tests.moodle.WireMockMoodle;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios on clustered Flowable: two Trainflow jars on one PostgreSQL, every call (and so every decision) going
 * to the two nodes in turn, Moodle a WireMock in this JVM that both nodes call.
 */
class ParityClusterTest extends ParitySuite {

    @TempDir
    static Path dir;

    @Override
    ParityTarget start() throws Exception {
        EngineClock clock = new EngineClock();
        clock.set(Instant.now());
        WireMockMoodle moodle = WireMockMoodle.start(
                SampleMoodleSite.of(SampleOrganisation.fromClasspath(clock, new InMemorySampleState())));
        PostgresServer postgres = PostgresServer.start();
        try {
            JarNodes nodes = JarNodes.start(
                    dir,
                    2,
                    Map.of(
                            "TRAINFLOW_DB_URL",
                            postgres.jdbcUrl(),
                            "TRAINFLOW_DB_USER",
                            "postgres",
                            "TRAINFLOW_LMS_TYPE",
                            "moodle",
                            "TRAINFLOW_MOODLE_URL",
                            moodle.baseUrl(),
                            "TRAINFLOW_MOODLE_TOKEN",
                            WireMockMoodle.TOKEN,
                            // the WireMock site marks a completion at once (a real Moodle's task runs each minute)
                            "TRAINFLOW_MOODLE_COMPLETION_LAG",
                            "PT1S"));
            return new JarTarget("2 jars on PostgreSQL", nodes, moodle, postgres, postgres.jdbcUrl());
        } catch (Exception e) {
            postgres.close();
            moodle.close();
            throw e;
        }
    }
}

package io.trainflow.tests.moodle;

import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.moodle.MoodleConfig;
import io.trainflow.connectors.moodle.MoodleConnector;
import io.trainflow.connectors.moodle.catalogue.CatalogueCourseLms;
import io.trainflow.connectors.moodle.catalogue.MoodleCourseIds;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The LMS port as the application wires it for {@code trainflow.lms.type=moodle}: the Moodle
 * connector (Camel routes, breaker, rate limit) behind the catalogue-id mapping, here towards a
 * {@link WireMockMoodle}. One instance is one application process's connector (its caches die
 * with it): a restart opens a new one.
 */
public final class MoodleLmsWiring implements AutoCloseable {

    private final MoodleConnector connector;

    public MoodleLmsWiring(WireMockMoodle moodle) {
        // short timeouts and backoff so a failing test fails fast; no rate limit against loopback
        this.connector = MoodleConnector.start(new MoodleConfig(
                moodle.baseUrl(),
                WireMockMoodle.TOKEN,
                Duration.ofSeconds(5),
                2,
                Duration.ofMillis(20),
                Duration.ofMillis(100),
                100,
                Duration.ofSeconds(30),
                0,
                5));
    }

    /** For SampleLifecycle: the sample LMS (the catalogue's course list) replaced by Moodle. */
    public UnaryOperator<LmsPort> replacingSampleLms() {
        return sample -> {
            Map<String, String> shortnames =
                    sample.courses().stream().collect(Collectors.toMap(Course::id, Course::shortname));
            return new CatalogueCourseLms(connector.lms(), new MoodleCourseIds(connector.calls(), shortnames));
        };
    }

    public MoodleConnector connector() {
        return connector;
    }

    @Override
    public void close() {
        connector.close();
    }
}

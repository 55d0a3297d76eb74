package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.tests.moodle.MoodleBackedLifecycle;
import io.trainflow.tests.moodle.WireMockMoodle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: Moodle stopped for 60 s during enrolment ended in an incident, because the step's three attempts
 * (5 s, then 10 s apart) all fell inside the outage. Now an unavailable system does not use up attempts: Moodle
 * down for five minutes (every call 503, Retry-After: 30), on the engine's controlled clock, heals on its own with
 * the enrolment written exactly once and no incident.
 */
class MoodleOutageHealsTest {

    private final MoodleBackedLifecycle withMoodle = new MoodleBackedLifecycle();
    private final WireMockMoodle moodle = withMoodle.moodle;
    private final SampleLifecycle life = withMoodle.life;

    @AfterEach
    void close() {
        withMoodle.close();
    }

    @Test
    void aFiveMinuteOutageDuringEnrolmentHealsWithEachWriteOnce() {
        String request = life.request("alice.martin", "1004", "I want to automate our reports", List.of());
        moodle.down();
        Instant outageStart = life.clock().instant();

        life.approve("sophie.laurent", request);
        while (life.clock().instant().isBefore(outageStart.plus(Duration.ofMinutes(5)))) {
            life.advance(Duration.ofSeconds(15));
            assertThat(life.engine().incidents().list())
                    .as("no incident during the outage")
                    .isEmpty();
        }
        assertThat(moodle.refused())
                .as("the step kept trying through the outage")
                .isGreaterThan(3 * 3);
        moodle.up();
        life.advance(Duration.ofMinutes(2));

        assertThat(life.engine().incidents().list()).isEmpty();
        assertThat(withMoodle.enrolled("alice.martin", "PY-AUTO")).isTrue();
        assertThat(moodle.answered("enrol_manual_enrol_users"))
                .as("each enrolment written once")
                .isEqualTo(2);
        assertThat(moodle.answered("core_calendar_create_calendar_events"))
                .as("calendar written once")
                .isEqualTo(1);
        assertThat(moodle.answered("core_message_send_instant_messages"))
                .as("one enrolment message")
                .isEqualTo(1);
        assertThat(life.endedAt(request)).isNull();
    }
}

package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No session of the chosen course can be booked before the deadline: nobody decided against the request, so the
 * requester is told it could not be scheduled, and why, never that it was rejected.
 */
class NoSessionTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void aRequestWithNoBookableSessionIsNotCalledRejected() {
        // CLOUD-ARCH (122): its only session started weeks ago and is full
        String request = life.request("alice.martin", "1004", "Designing our next platform", List.of("122"));

        assertThat(life.endedAt(request)).isEqualTo("no-session-available");
        assertThat(life.messagesTo("alice.martin"))
                .singleElement()
                .satisfies(m -> assertThat(m.text())
                        .contains("could not be scheduled")
                        .contains(request)
                        .contains("no session of the chosen courses starts before the training deadline")
                        .doesNotContain("rejected"));
    }
}

package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.lms.Enrolment;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A manager turns a request down: the requester hears it in Moodle and the request ends as rejected. */
class RejectionTest {

    private final SampleLifecycle life = SampleLifecycle.start();

    @AfterEach
    void close() {
        life.close();
    }

    @Test
    void aRejectionTellsTheRequesterRecordsTheOutcomeAndEndsTheRequest() {
        String request = life.request("alice.martin", "1004", "I want to automate our reports", List.of());

        life.decide("sophie.laurent", request, "reject", "Not this quarter");

        assertThat(life.messagesTo("alice.martin"))
                .singleElement()
                .satisfies(m -> assertThat(m.text())
                        .contains("was rejected")
                        .contains(request)
                        .contains("Not this quarter"));
        assertThat(life.outcome(request)).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo("rejected");
            assertThat(o.employeeId()).isEqualTo("1004");
        });
        assertThat(life.endedAt(request)).isEqualTo("rejected");
        assertThat(life.variables(request)).containsEntry("decision", "reject");
        assertThat(life.org().lms().enrolments("alice.martin"))
                .extracting(Enrolment::courseId)
                .as("nothing of the proposed path (PY-AUTO, SQL-101) is booked")
                .doesNotContain("103", "104");
        assertThat(life.inbox("sophie.laurent")).isEmpty();
    }
}

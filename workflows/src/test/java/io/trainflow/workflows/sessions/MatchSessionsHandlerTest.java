package io.trainflow.workflows.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.workflows.Sample;
import io.trainflow.workflows.ai.AiTrace;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.path.PathCourse;
import io.trainflow.workflows.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchSessionsHandlerTest {

    final Sample sample = new Sample();
    final MatchSessionsHandler handler =
            new MatchSessionsHandler(sample.ports.catalogue(), sample.ports.lms(), sample.ports.ai(), sample.clock);

    static PathCourse course(String id) {
        return new PathCourse(id, "C" + id, "Course " + id, null, 0.5, 100, "test", null);
    }

    @Test
    void firstUpcomingSessionWithSeatsAndDeadlineTwoWeeksAfterTheLast() throws BusinessError {
        Profile emma = sample.profile("1006");

        MatchSessionsHandler.Output out =
                handler.handle(new MatchSessionsHandler.Input(List.of(course("107"), course("108")), emma));

        // CKA-PREP's first session is fully booked: the second one is taken
        assertThat(out.sessions()).extracting(SessionBooking::sessionId).containsExactly("S107-B", "S108-A");
        assertThat(out.sessions()).allSatisfy(s -> {
            assertThat(s.start()).isAfter(Sample.START);
            assertThat(s.seatsLeft()).isPositive();
            assertThat(s.trainer()).isNotBlank();
        });
        assertThat(out.sessions().get(0).matchReason())
                .startsWith("Earliest upcoming session of Course 107 with seats left: S107-B");
        assertThat(out.sessionsProvenance())
                .extracting(AiTrace::output)
                .containsExactly("sessions:107", "sessions:108");
        Instant lastEnd = out.sessions().stream()
                .map(SessionBooking::end)
                .max(Instant::compareTo)
                .orElseThrow();
        assertThat(Instant.parse(out.trainingDeadline())).isEqualTo(lastEnd.plus(Duration.ofDays(14)));
    }

    @Test
    void aCourseWithNoUpcomingSessionIsABusinessError() {
        assertThatThrownBy(() ->
                        handler.handle(new MatchSessionsHandler.Input(List.of(course("122")), sample.profile("1006"))))
                .isInstanceOfSatisfying(
                        BusinessError.class, e -> assertThat(e.code()).isEqualTo("NO_SESSION_AVAILABLE"));
    }

    @Test
    void coursesTheLearnerCompletedAreSkipped() throws BusinessError {
        MatchSessionsHandler.Output out = handler.handle(
                new MatchSessionsHandler.Input(List.of(course("104"), course("102")), sample.profile("1008")));

        assertThat(out.sessions()).extracting(SessionBooking::courseId).containsExactly("102");
    }

    @Test
    void sessionsThatHaveStartedAreNotOffered() throws BusinessError {
        sample.clock.advance(Duration.ofDays(20));

        MatchSessionsHandler.Output out =
                handler.handle(new MatchSessionsHandler.Input(List.of(course("103")), sample.profile("1004")));

        assertThat(out.sessions())
                .singleElement()
                .satisfies(s -> assertThat(s.sessionId()).isEqualTo("S103-B"));
    }
}

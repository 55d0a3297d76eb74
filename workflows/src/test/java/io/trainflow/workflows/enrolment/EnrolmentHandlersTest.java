package io.trainflow.workflows.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.catalogue.TrainingSession;
import io.trainflow.connectors.error.PortBusinessException;
import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.profile.Profile;
import io.trainflow.workflows.sessions.SessionBooking;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrolmentHandlersTest {

    final Sample sample = new Sample();
    final EnrolHandler enrol = new EnrolHandler(sample.ports.lms(), sample.ports.catalogue(), sample.clock);
    final CreateCalendarEventsHandler calendar = new CreateCalendarEventsHandler(sample.ports.lms());
    final Profile alice = sample.profile("1004");

    SessionBooking booking(String courseId, int index) {
        TrainingSession s = sample.ports.catalogue().sessions(courseId).get(index);
        return new SessionBooking(
                courseId, s.sessionId(), s.start().toString(), s.end().toString(), s.trainer(), s.seatsLeft());
    }

    @Test
    void enrollingTwiceIsOneEnrolmentAndOneSeat() throws BusinessError {
        List<SessionBooking> sessions = List.of(booking("103", 0), booking("104", 0));
        int seatsBefore = sample.ports.catalogue().sessions("103").get(0).seatsTaken();

        EnrolHandler.Output first = enrol.handle(new EnrolHandler.Input(alice, sessions, "REQ-1"));
        enrol.handle(new EnrolHandler.Input(alice, sessions, "REQ-1"));

        assertThat(first.enrolments()).extracting(EnrolHandler.Enrolled::status).containsOnly("enrolled");
        List<Enrolment> enrolments = sample.ports.lms().enrolments("alice.martin").stream()
                .filter(e -> List.of("103", "104").contains(e.courseId()))
                .toList();
        assertThat(enrolments).hasSize(2).allSatisfy(e -> {
            assertThat(e.start()).isEqualTo(Sample.START);
            assertThat(e.end()).isEqualTo(sessions.get(1).end().plus(Duration.ofDays(14)));
        });
        assertThat(sample.ports.catalogue().sessions("103").get(0).seatsTaken()).isEqualTo(seatsBefore + 1);
    }

    @Test
    void aFullSessionRefusesTheEnrolment() {
        SessionBooking full = booking("107", 0);

        assertThatThrownBy(() -> enrol.handle(new EnrolHandler.Input(sample.profile("1006"), List.of(full), "REQ-2")))
                .isInstanceOfSatisfying(BusinessError.class, e -> {
                    assertThat(e.code()).isEqualTo("ENROLMENT_REFUSED");
                    assertThat(e.variables())
                            .as("the reason, for the message and the status")
                            .containsEntry(EnrolHandler.REASON, e.getMessage());
                    assertThat(e.getMessage()).contains("is full");
                });
    }

    @Test
    void aLearnerUnknownToTheLmsIsTheAdministratorsNotARefusal() {
        // issue 10: an account Moodle does not return was told to the learner as "rejected"
        Profile ghost =
                new Profile("0", "ghost.user", "Ghost", null, null, null, "engineering", null, null, null, null);

        assertThatThrownBy(() -> enrol.handle(new EnrolHandler.Input(ghost, List.of(booking("103", 0)), "REQ-3")))
                .isInstanceOfSatisfying(
                        PortBusinessException.class,
                        e -> assertThat(e.isConfiguration()).isTrue());
    }

    @Test
    void oneCalendarEventPerSessionEvenWhenRepeated() {
        List<SessionBooking> sessions = List.of(booking("103", 0), booking("104", 0));

        List<String> ids = calendar.handle(new CreateCalendarEventsHandler.Input(alice, sessions))
                .calendarEventIds();
        List<String> again = calendar.handle(new CreateCalendarEventsHandler.Input(alice, sessions))
                .calendarEventIds();

        assertThat(ids).hasSize(2).doesNotHaveDuplicates().isEqualTo(again);
        assertThat(sample.org.sampleLms().calendarEvents("alice.martin"))
                .hasSize(2)
                .first()
                .satisfies(e -> {
                    assertThat(e.name()).isEqualTo("Training: Python for Automation");
                    assertThat(e.start()).isEqualTo(sessions.get(0).start());
                });
    }
}

package io.trainflow.workflows.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.path.PathCourse;
import io.trainflow.workflows.profile.Profile;
import io.trainflow.workflows.sessions.SessionBooking;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressHandlersTest {

    final Sample sample = new Sample();
    final CheckProgressHandler check = new CheckProgressHandler(sample.ports.lms(), sample.clock);
    final ExtendEnrolmentHandler extend = new ExtendEnrolmentHandler(sample.ports.lms(), sample.clock);
    final Profile alice = sample.profile("1004");
    final List<PathCourse> path = List.of(
            new PathCourse("103", "PY-AUTO", "Python for Automation", "python", 0.8, 400, "", null),
            new PathCourse("104", "SQL-101", "SQL and Relational Databases", "sql", 0.8, 350, "", null));

    void enrolAlice(Instant end) {
        path.forEach(p -> sample.ports.lms().enrol("alice.martin", p.courseId(), Sample.START, end));
    }

    CheckProgressHandler.Progress progress() {
        return check.handle(new CheckProgressHandler.Input(alice, path)).progress();
    }

    @Test
    void progressCountsCompletedCoursesAndInactiveDays() {
        enrolAlice(null);
        sample.clock.advance(Duration.ofDays(9));

        assertThat(progress()).isEqualTo(new CheckProgressHandler.Progress(0, 2, 0, 9, false));

        sample.org.advanceProgress("alice.martin");
        assertThat(progress()).isEqualTo(new CheckProgressHandler.Progress(1, 2, 50, 0, false));

        sample.clock.advance(Duration.ofDays(3));
        sample.org.advanceProgress("alice.martin");
        assertThat(progress()).isEqualTo(new CheckProgressHandler.Progress(2, 2, 100, 0, true));
    }

    @Test
    void extensionMovesTheDeadlineAndTheEnrolmentsOfUnfinishedCourses() {
        Instant originalEnd = Sample.START.plus(Duration.ofDays(30));
        enrolAlice(originalEnd);
        sample.org.advanceProgress("alice.martin");
        sample.clock.advance(Duration.ofDays(31));
        List<SessionBooking> sessions = List.of(
                new SessionBooking("103", "S103-A", "2026-03-09T09:00:00Z", "2026-03-10T17:00:00Z", "x", 3),
                new SessionBooking("104", "S104-A", "2026-03-11T09:00:00Z", "2026-03-12T17:00:00Z", "x", 3));

        String deadline = extend.handle(new ExtendEnrolmentHandler.Input(alice, sessions, 10))
                .trainingDeadline();

        Instant expected = Sample.START.plus(Duration.ofDays(41));
        assertThat(Instant.parse(deadline)).isEqualTo(expected);
        List<Enrolment> enrolments = sample.ports.lms().enrolments("alice.martin");
        assertThat(enrolments)
                .filteredOn(e -> e.courseId().equals("104"))
                .singleElement()
                .satisfies(e -> assertThat(e.end()).isEqualTo(expected));
        assertThat(enrolments)
                .filteredOn(e -> e.courseId().equals("103"))
                .singleElement()
                .as("completed: left as it was")
                .satisfies(e -> assertThat(e.end()).isEqualTo(originalEnd));
    }

    @Test
    void noExtensionDaysMeansTwoWeeks() {
        String deadline = extend.handle(new ExtendEnrolmentHandler.Input(alice, List.of(), null))
                .trainingDeadline();

        assertThat(Instant.parse(deadline)).isEqualTo(Sample.START.plus(Duration.ofDays(14)));
    }
}

package io.trainflow.connectors.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.error.PortBusinessException;
import io.trainflow.connectors.lms.CalendarEvent;
import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.EnrolmentRefusedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleLmsTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    final SampleOrganisation org =
            SampleOrganisation.fromClasspath(Clock.fixed(NOW, ZoneOffset.UTC), SampleState.inMemory());
    final SampleLms lms = org.sampleLms();

    @Test
    void enrollingTwiceIsOneEnrolmentWithTheLatestPeriod() {
        lms.enrol("alice.martin", "103", NOW, NOW.plus(Duration.ofDays(30)));
        lms.enrol("alice.martin", "103", NOW, NOW.plus(Duration.ofDays(40)));

        assertThat(lms.enrolments("alice.martin"))
                .filteredOn(e -> e.courseId().equals("103"))
                .singleElement()
                .satisfies(e -> assertThat(e.end()).isEqualTo(NOW.plus(Duration.ofDays(40))));
    }

    @Test
    void unknownLearnerIsForTheAdministratorUnknownCourseIsRefused() {
        // as with Moodle (issue 10): a missing LMS account is a configuration problem, not a refusal to tell the
        // learner
        assertThatThrownBy(() -> lms.enrol("nobody", "103", NOW, null))
                .isInstanceOfSatisfying(
                        PortBusinessException.class,
                        e -> assertThat(e.isConfiguration()).isTrue());
        assertThatThrownBy(() -> lms.enrol("alice.martin", "999", NOW, null))
                .isInstanceOf(EnrolmentRefusedException.class);
        assertThatThrownBy(() -> lms.extendEnrolment("alice.martin", "103", NOW))
                .isInstanceOf(EnrolmentRefusedException.class);
    }

    @Test
    void completionIsPolledInBulkAndAdvancedByTheWalkthrough() {
        lms.enrol("alice.martin", "103", NOW.plus(Duration.ofDays(1)), null);
        lms.enrol("alice.martin", "104", NOW.plus(Duration.ofDays(2)), null);

        assertThat(org.advanceProgress("alice.martin")).contains("103");
        List<CompletionStatus> status =
                lms.completionStatus(List.of("alice.martin", "lucas.moreau"), List.of("103", "104"));

        assertThat(status)
                .filteredOn(CompletionStatus::completed)
                .extracting(CompletionStatus::courseId)
                .containsExactly("103");
        assertThat(status).filteredOn(s -> s.username().equals("lucas.moreau")).noneMatch(CompletionStatus::enrolled);
        assertThat(lms.grades("alice.martin", List.of("103")))
                .singleElement()
                .satisfies(g -> assertThat(g.percent()).isBetween(55.0, 100.0));
        assertThat(lms.feedback(List.of("103")))
                .singleElement()
                .satisfies(f -> assertThat(f.score()).isBetween(5, 10));
        assertThat(org.advanceProgress("alice.martin")).contains("104");
        assertThat(org.advanceProgress("alice.martin"))
                .as("the history course is already done")
                .isEmpty();
    }

    @Test
    void historyComesFromTheSampleFiles() {
        assertThat(lms.completionStatus(List.of("lea.fournier"), List.of("101", "104", "102")))
                .extracting(CompletionStatus::completed)
                .containsExactly(true, true, false);
        assertThat(lms.enrolments("nina.petit")).isEmpty();
    }

    @Test
    void messageToAnUnknownUserFailsWithMsgIdMinusOne() {
        assertThat(lms.sendMessage("nobody", "hi", "c1").msgId()).isEqualTo(-1);
        assertThat(lms.sendMessage("alice.martin", "hi", "c2").sent()).isTrue();
        assertThat(lms.messagesTo("alice.martin"))
                .extracting(SampleLms.SentMessage::text)
                .containsExactly("hi");
    }

    @Test
    void creatingTheSameCalendarEventTwiceKeepsOne() {
        CalendarEvent e =
                new CalendarEvent("alice.martin", "103", "Python for Automation", "", NOW, Duration.ofHours(8));

        List<String> first = lms.createCalendarEvents(List.of(e));
        List<String> again = lms.createCalendarEvents(List.of(e));

        assertThat(again).isEqualTo(first);
        assertThat(lms.calendarEvents("alice.martin")).hasSize(1);
    }
}

package io.trainflow.connectors.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.catalogue.TrainingSession;
import io.trainflow.connectors.hcm.EmployeeSkill;
import io.trainflow.connectors.hcm.SkillLevels;
import io.trainflow.connectors.hcm.TrainingRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SampleHcmAndCatalogueTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    final SampleOrganisation org = SampleOrganisation.fromClasspath(CLOCK, SampleState.inMemory());

    @Test
    void skillLevelsAreReadFromTheCommentLikeOrangeHrmHoldsThem() {
        assertThat(org.hcm().skills("1004"))
                .filteredOn(s -> s.skillId().equals("python"))
                .singleElement()
                .satisfies(s -> assertThat(SkillLevels.level(s)).isEqualTo(1));
        assertThat(SkillLevels.level(new EmployeeSkill("x", "X", 6, "no level here")))
                .isEqualTo(4);
    }

    @Test
    void aNewReviewBecomesTheLatest() {
        assertThat(org.hcm().latestReview("1004").orElseThrow().finalRating()).isEqualTo(72);
        assertThat(org.hcm().latestReview("1023")).as("new hire").isEmpty();

        org.setReviewRating("1004", 80);

        assertThat(org.hcm().latestReview("1004").orElseThrow().completedDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(org.hcm().latestReview("1004").orElseThrow().finalRating()).isEqualTo(80);
    }

    @Test
    void supervisorChangesAreCheckedForLoops() {
        org.changeSupervisor("1023", "ines.legrand");
        assertThat(org.hcm().employee("1023").orElseThrow().managerId()).isEqualTo("1018");

        assertThatThrownBy(() -> org.changeSupervisor("1003", "alice.martin"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> org.changeSupervisor("1003", "nobody")).isInstanceOf(IllegalArgumentException.class);

        org.changeSupervisor("1004", null);
        assertThat(org.hcm().employee("1004").orElseThrow().managerId()).isNull();
    }

    @Test
    void oneTrainingRecordPerTrainingName() {
        TrainingRecord first = org.hcm()
                .recordTraining(
                        "1004",
                        new TrainingRecord(
                                null, "Python for Automation", "PY-AUTO-R1", LocalDate.of(2026, 3, 2), null));
        TrainingRecord again = org.hcm()
                .recordTraining(
                        "1004",
                        new TrainingRecord(
                                null, "Python for Automation", "PY-AUTO-R1", LocalDate.of(2026, 3, 3), null));

        assertThat(again.recordId()).isEqualTo(first.recordId());
        assertThat(org.hcm().trainingRecords("1004"))
                .singleElement()
                .satisfies(r -> assertThat(r.issuedDate()).isEqualTo(LocalDate.of(2026, 3, 3)));
    }

    @Test
    void bookingASeatTwiceTakesOneAndAFullSessionRefuses() {
        TrainingSession session = org.catalogue().sessions("103").get(0);

        assertThat(org.catalogue().reserveSeat(session.sessionId(), "alice.martin", "R1"))
                .isTrue();
        assertThat(org.catalogue().reserveSeat(session.sessionId(), "alice.martin", "R1"))
                .isTrue();

        assertThat(org.catalogue().sessions("103").get(0).seatsTaken()).isEqualTo(session.seatsTaken() + 1);
        TrainingSession full = org.catalogue().sessions("107").get(0);
        assertThat(full.seatsLeft()).isZero();
        assertThat(org.catalogue().reserveSeat(full.sessionId(), "emma.girard", "R2"))
                .isFalse();
        assertThat(org.catalogue().reserveSeat("no-such-session", "emma.girard", "R2"))
                .isFalse();
    }
}

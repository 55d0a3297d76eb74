package io.trainflow.connectors.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.catalogue.TrainingSession;
import io.trainflow.connectors.hcm.EmployeeSkill;
import io.trainflow.connectors.hcm.TrainingRecord;
import io.trainflow.connectors.testing.H2;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarting the application over the same database loses nothing the sample did. */
class SampleStateTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    SampleOrganisation start(DataSource db) {
        return SampleOrganisation.fromClasspath(CLOCK, new JdbcSampleState(db));
    }

    @Test
    void everythingSurvivesARestart() {
        SampleOrganisation before = start(H2.file(dir));
        String seat = before.catalogue().sessions("103").get(0).sessionId();
        before.catalogue().reserveSeat(seat, "alice.martin", "REQ-1");
        before.lms().enrol("alice.martin", "103", CLOCK.instant(), null);
        before.advanceProgress("alice.martin");
        before.lms().sendMessage("alice.martin", "You are enrolled", null);
        before.changeSupervisor("1004", "marc.bernard");
        before.setReviewRating("1004", 79);
        before.hcm().saveSkill("1004", new EmployeeSkill("python", "Python", 2, "proficiency=2/5"));
        before.hcm()
                .recordTraining(
                        "1004",
                        new TrainingRecord(null, "Python for Automation", "PY-AUTO", LocalDate.of(2026, 3, 2), null));

        SampleOrganisation after = start(H2.file(dir));

        assertThat(after.lms()
                        .completionStatus(List.of("alice.martin"), List.of("103"))
                        .get(0)
                        .completed())
                .isTrue();
        assertThat(after.sampleLms().messagesTo("alice.martin")).hasSize(1);
        assertThat(after.hcm().employee("1004").orElseThrow().managerId()).isEqualTo("1002");
        assertThat(after.hcm().latestReview("1004").orElseThrow().finalRating()).isEqualTo(79);
        assertThat(after.hcm().skills("1004")).contains(new EmployeeSkill("python", "Python", 2, "proficiency=2/5"));
        assertThat(after.hcm().trainingRecords("1004")).hasSize(1);
        TrainingSession session = after.catalogue().sessions("103").get(0);
        assertThat(session.seatsTaken())
                .isEqualTo(before.catalogue().sessions("103").get(0).seatsTaken());
    }
}

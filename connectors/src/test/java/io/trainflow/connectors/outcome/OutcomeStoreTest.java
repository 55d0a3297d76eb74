package io.trainflow.connectors.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.testing.H2;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OutcomeStoreTest {

    @TempDir
    static Path dir;

    static Stream<Supplier<OutcomeStore>> stores() {
        return Stream.of(
                InMemoryOutcomeStore::new, () -> new JdbcOutcomeStore(H2.file(dir.resolve("p" + System.nanoTime()))));
    }

    static Outcome outcome(String programme, String request, String status, Double before, Double after) {
        return new Outcome(
                programme,
                request,
                "1004",
                status,
                Map.of("responses", 2, "averageScore", 8.5, "nps", 50.0, "comments", List.of("Great labs")),
                Map.of("averageGrade", 81.0, "allPassed", true),
                List.of(Map.of("behaviourScore", 4)),
                before,
                after,
                Instant.parse("2026-03-02T10:00:00Z"));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void recordingTheSameRequestTwiceKeepsOneRow(Supplier<OutcomeStore> factory) {
        OutcomeStore store = factory.get();
        store.record(outcome("P1", "R1", "not-completed", 70.0, null));
        store.record(outcome("P1", "R1", "completed", 70.0, 78.0));
        store.record(outcome("P1", "R2", "rejected", null, null));
        store.record(outcome("P2", "R3", "completed", null, null));

        List<Outcome> rows = store.ofProgramme("P1");

        assertThat(rows)
                .extracting(Outcome::requestId, Outcome::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("R1", "completed"),
                        org.assertj.core.groups.Tuple.tuple("R2", "rejected"));
        assertThat(rows.get(0).reviewAfter()).isEqualTo(78.0);
        assertThat(rows.get(1).lastReviewRating()).isNull();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void structuredFieldsComeBackAsWritten(Supplier<OutcomeStore> factory) {
        OutcomeStore store = factory.get();
        store.record(outcome("", "R9", "completed", 60.0, 64.0));

        Outcome row = store.ofProgramme("").get(0);

        assertThat(row.reaction()).containsEntry("nps", 50.0).containsEntry("comments", List.of("Great labs"));
        assertThat(row.learning()).containsEntry("allPassed", true);
        assertThat(row.followUps()).isEqualTo(List.of(Map.of("behaviourScore", 4)));
        assertThat(row.recordedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void rowsSurviveANewStoreOverTheSameDatabase() {
        Path db = dir.resolve("restart");
        new JdbcOutcomeStore(H2.file(db)).record(outcome("P1", "R1", "completed", 70.0, 75.0));

        OutcomeStore afterRestart = new JdbcOutcomeStore(H2.file(db));

        assertThat(afterRestart.ofProgramme("P1"))
                .singleElement()
                .satisfies(o -> assertThat(o.reviewAfter()).isEqualTo(75.0));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void unknownProgrammeIsEmpty(Supplier<OutcomeStore> factory) {
        assertThat(factory.get().ofProgramme("nope")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void theReasonAndTheCoursesLeftOutComeBack(Supplier<OutcomeStore> factory) {
        OutcomeStore store = factory.get();
        store.record(new Outcome(
                "P1",
                "R1",
                "1014",
                "already-requested",
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2026-03-02T10:00:00Z"),
                "already requested: SQL in REQ-1",
                "already requested: SQL in REQ-1"));

        Outcome row = store.ofProgramme("P1").get(0);

        assertThat(row.reason()).isEqualTo("already requested: SQL in REQ-1");
        assertThat(row.linked()).isEqualTo("already requested: SQL in REQ-1");
    }

    @Test
    void aTableMadeBeforeTheReasonColumnsGetsThem() throws Exception {
        javax.sql.DataSource db = H2.file(dir.resolve("old" + System.nanoTime()));
        try (var c = db.getConnection();
                var s = c.createStatement()) {
            s.execute("CREATE TABLE tf_outcome (programme_id VARCHAR(200) NOT NULL, request_id VARCHAR(200) NOT NULL,"
                    + " employee_id VARCHAR(100), status VARCHAR(40), reaction_json TEXT, learning_json TEXT,"
                    + " follow_ups_json TEXT, last_review_rating DOUBLE PRECISION, review_after DOUBLE PRECISION,"
                    + " recorded_at TIMESTAMP WITH TIME ZONE, PRIMARY KEY (programme_id, request_id))");
            s.execute("INSERT INTO tf_outcome (programme_id, request_id, status) VALUES ('P0', 'R0', 'completed')");
        }
        OutcomeStore store = new JdbcOutcomeStore(db);
        store.record(outcome("P0", "R1", "completed", null, null));

        assertThat(store.ofProgramme("P0"))
                .extracting(Outcome::requestId, Outcome::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("R0", null),
                        org.assertj.core.groups.Tuple.tuple("R1", null));
    }
}

package io.trainflow.workflows.quiz;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The review's verdicts cover the draft's questions exactly, checked as the review is completed. */
class QuizReviewCoverageTest {

    private static final Map<String, Object> DRAFT =
            Map.of("courseId", "105", "questions", List.of(Map.of("id", "q1", "stem", "?"), Map.of("id", "q2")));

    private static Map<String, Object> verdict(String id) {
        return Map.of("questionId", id, "verdict", "approve");
    }

    private static void refused(Object reviews, String field, String says) {
        assertThatThrownBy(() -> QuizReviewCoverage.check(DRAFT, reviews))
                .isInstanceOfSatisfying(
                        TrainflowProblem.InvalidInput.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.fields())
                                .containsOnlyKeys(field)
                                .hasEntrySatisfying(
                                        field,
                                        m -> org.assertj.core.api.Assertions.assertThat(m)
                                                .contains(says)));
    }

    @Test
    void oneVerdictPerDraftedQuestionIsAccepted() {
        assertThatCode(() -> QuizReviewCoverage.check(DRAFT, List.of(verdict("q2"), verdict("q1"))))
                .doesNotThrowAnyException();
    }

    @Test
    void aQuestionLeftUndecidedAQuestionNotDraftedOrDecidedTwiceIsRefusedNamingIt() {
        refused(List.of(verdict("q1")), "reviews", "[q2]");
        refused(List.of(), "reviews", "[q1, q2]");
        refused(null, "reviews", "[q1, q2]");
        refused(
                List.of(verdict("q1"), verdict("q9"), verdict("q2")),
                "reviews[1].questionId",
                "'q9' is not a question");
        refused(List.of(verdict("q1"), verdict("q1"), verdict("q2")), "reviews[1].questionId", "decided twice");
        refused(List.of(Map.of("verdict", "approve")), "reviews[0].questionId", "is missing");
    }
}

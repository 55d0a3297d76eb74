package io.trainflow.workflows.quiz;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.ai.quiz.QuizQuestion;
import io.trainflow.connectors.ai.quiz.ReviewDecision;
import io.trainflow.workflows.api.Doc;
import java.util.List;
import java.util.Locale;

/**
 * The expert's decision on one drafted question, as the review task is completed with it (form
 * {@code quiz-review}). An edit changes the question's own fields only: it keeps the drafted question's id,
 * so it can neither add a question nor take another's place.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuizReview(
        @Doc("Id of the drafted question") String questionId,
        @Doc("approve, edit or reject") String verdict,

        @Doc(value = "The question as rewritten; only with edit", optional = true)
        Edited edited) {

    /** The fields of a question an expert may rewrite. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Edited(
            QuizQuestion.Type type, String stem, List<QuizQuestion.Choice> choices, Boolean answer, String feedback) {}

    ReviewDecision decision() {
        String v = verdict == null ? "" : verdict.strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "APPROVE" -> ReviewDecision.approve(questionId);
            case "REJECT" -> ReviewDecision.reject(questionId);
            case "EDIT" -> {
                if (edited == null) {
                    throw new IllegalArgumentException(
                            "question " + questionId + " is marked edit without the edited question");
                }
                yield ReviewDecision.edit(
                        questionId,
                        new QuizQuestion(
                                questionId,
                                edited.type(),
                                edited.stem(),
                                edited.choices(),
                                edited.answer(),
                                edited.feedback()));
            }
            default ->
                throw new IllegalArgumentException("verdict of question " + questionId + " is '" + verdict
                        + "'; expected approve, edit or reject");
        };
    }
}

package io.trainflow.workflows.quiz;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.ai.quiz.QuizQuestion;
import io.trainflow.connectors.ai.quiz.ReviewDecision;
import io.trainflow.workflows.api.Doc;
import java.util.Locale;

/** The expert's decision on one drafted question, as the review task is completed with it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuizReview(
        @Doc("Id of the drafted question") String questionId,
        @Doc("approve, edit or reject") String verdict,
        @Doc(value = "The question as rewritten; only with edit", optional = true) QuizQuestion edited) {

    ReviewDecision decision() {
        String v = verdict == null ? "" : verdict.strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "APPROVE" -> ReviewDecision.approve(questionId);
            case "REJECT" -> ReviewDecision.reject(questionId);
            case "EDIT" -> ReviewDecision.edit(questionId, edited);
            default -> throw new IllegalArgumentException("verdict of question " + questionId
                    + " is '" + verdict + "'; expected approve, edit or reject");
        };
    }
}

package io.trainflow.connectors.ai.quiz;

/**
 * What the subject-matter expert decided about one drafted question.
 *
 * @param edited the question as the expert rewrote it; only for {@link Verdict#EDIT}
 */
public record ReviewDecision(String questionId, Verdict verdict, QuizQuestion edited) {

    public enum Verdict {
        APPROVE,
        EDIT,
        REJECT
    }

    public ReviewDecision {
        if ((verdict == Verdict.EDIT) != (edited != null)) {
            throw new IllegalArgumentException("an edited question goes with EDIT and only with EDIT: " + questionId);
        }
    }

    public static ReviewDecision approve(String questionId) {
        return new ReviewDecision(questionId, Verdict.APPROVE, null);
    }

    public static ReviewDecision reject(String questionId) {
        return new ReviewDecision(questionId, Verdict.REJECT, null);
    }

    public static ReviewDecision edit(String questionId, QuizQuestion edited) {
        return new ReviewDecision(questionId, Verdict.EDIT, edited);
    }
}

package io.trainflow.workflows.quiz;

import io.trainflow.workflows.problems.TrainflowProblem.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * A quiz review decides every drafted question exactly once, checked as the expert completes the review (form
 * {@value #FORM}): a question nobody looked at is neither published nor dropped, and a verdict for a question that
 * was not drafted is refused there, naming it, rather than at export.
 */
public final class QuizReviewCoverage {

    /** The form of the review task (quiz-review.bpmn). */
    public static final String FORM = "quiz-review";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QuizReviewCoverage() {}

    /**
     * @param draft   the process's {@code quizDraft} (its {@code questions} carry an {@code id} each)
     * @param reviews the submitted {@code reviews}: one {@code questionId} each
     */
    @SuppressWarnings("unchecked")
    public static void check(Object draft, Object reviews) {
        Set<String> drafted = new LinkedHashSet<>();
        Map<String, Object> draftMap = draft == null ? Map.of() : JSON.convertValue(draft, Map.class);
        if (draftMap.get("questions") instanceof List<?> questions) {
            questions.forEach(q -> {
                if (q instanceof Map<?, ?> question && question.get("id") != null) {
                    drafted.add(String.valueOf(question.get("id")));
                }
            });
        }
        List<?> given = reviews instanceof List<?> list ? list : List.of();
        Map<String, Integer> decided = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Object id = given.get(i) instanceof Map<?, ?> review ? review.get("questionId") : null;
            String field = "reviews[" + i + "].questionId";
            if (id == null) {
                throw new InvalidInput(field, "is missing: each verdict names the drafted question it decides");
            }
            if (!drafted.contains(String.valueOf(id))) {
                throw new InvalidInput(field, "'" + id + "' is not a question of the draft " + drafted);
            }
            if (decided.putIfAbsent(String.valueOf(id), i) != null) {
                throw new InvalidInput(
                        field,
                        "question '" + id + "' is decided twice (also at reviews[" + decided.get(String.valueOf(id))
                                + "])");
            }
        }
        List<String> undecided = new ArrayList<>(drafted);
        undecided.removeAll(decided.keySet());
        if (!undecided.isEmpty()) {
            throw new InvalidInput(
                    "reviews", "no verdict for question(s) " + undecided + ": decide every drafted question");
        }
    }
}

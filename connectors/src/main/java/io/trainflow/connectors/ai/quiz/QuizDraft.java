package io.trainflow.connectors.ai.quiz;

import java.util.List;

/** Questions an AI drafted for a course. A draft is never exported: it goes to a subject-matter expert first. */
public record QuizDraft(String courseId, String courseTitle, List<QuizQuestion> questions) {

    public QuizDraft {
        questions = List.copyOf(questions);
        if (questions.stream().map(QuizQuestion::id).distinct().count() != questions.size()) {
            throw new IllegalArgumentException("question ids repeat");
        }
    }
}

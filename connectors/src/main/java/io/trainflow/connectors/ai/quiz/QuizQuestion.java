package io.trainflow.connectors.ai.quiz;

import java.util.List;
import java.util.Objects;

/**
 * One quiz question as drafted or as reviewed. The invariants Moodle needs on import are checked here,
 * so a malformed question (from a model or an editor) is refused before it reaches an exporter.
 *
 * @param answer for {@link Type#TRUE_FALSE} the right answer; null for multiple choice
 */
public record QuizQuestion(String id, Type type, String stem, List<Choice> choices, Boolean answer, String feedback) {

    public enum Type {
        MULTIPLE_CHOICE,
        TRUE_FALSE
    }

    public record Choice(String text, boolean correct) {
        public Choice {
            requireText(text, "choice text");
        }
    }

    public static final int MAX_TEXT = 1000;

    public QuizQuestion {
        requireText(id, "id");
        Objects.requireNonNull(type, "type");
        requireText(stem, "stem");
        choices = choices == null ? List.of() : List.copyOf(choices);
        feedback = feedback == null ? "" : feedback.strip();
        if (type == Type.MULTIPLE_CHOICE) {
            if (choices.size() < 2) {
                throw new IllegalArgumentException("multiple choice needs at least 2 choices: " + id);
            }
            if (choices.stream().filter(Choice::correct).count() != 1) {
                throw new IllegalArgumentException("multiple choice needs exactly one correct choice: " + id);
            }
            if (choices.stream()
                            .map(c -> c.text().strip().toLowerCase(java.util.Locale.ROOT))
                            .distinct()
                            .count()
                    != choices.size()) {
                throw new IllegalArgumentException("choices repeat: " + id);
            }
            answer = null;
        } else {
            Objects.requireNonNull(answer, "a true/false question needs its answer: " + id);
            if (!choices.isEmpty()) {
                throw new IllegalArgumentException("a true/false question has no choices: " + id);
            }
        }
    }

    public static QuizQuestion multipleChoice(
            String id, String stem, String correct, List<String> wrong, String feedback) {
        List<Choice> choices = new java.util.ArrayList<>();
        choices.add(new Choice(correct, true));
        wrong.forEach(w -> choices.add(new Choice(w, false)));
        return new QuizQuestion(id, Type.MULTIPLE_CHOICE, stem, choices, null, feedback);
    }

    public static QuizQuestion trueFalse(String id, String stem, boolean answer, String feedback) {
        return new QuizQuestion(id, Type.TRUE_FALSE, stem, List.of(), answer, feedback);
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT + " characters");
        }
    }
}

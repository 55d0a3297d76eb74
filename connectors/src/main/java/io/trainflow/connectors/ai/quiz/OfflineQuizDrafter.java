package io.trainflow.connectors.ai.quiz;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.ai.provenance.InputHash;
import io.trainflow.connectors.ai.provenance.Provenance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Deterministic question templates over a course's title, summary and tags; wrong answers come from
 * other catalogue courses, picked by a hash so the same catalogue always gives the same quiz. Plain
 * recall questions: a starting point for the expert, who approves, edits or rejects each one.
 */
public final class OfflineQuizDrafter {

    public static final String TEMPLATE = "offline-quiz/1";

    private final String engine;
    private final Clock clock;

    public OfflineQuizDrafter(String engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public AiResult<QuizDraft> draftQuiz(CourseCandidate course, List<CourseCandidate> catalogue, int maxQuestions) {
        List<CourseCandidate> others = catalogue.stream()
                .filter(c -> !c.courseId().equals(course.courseId()))
                .sorted(Comparator.comparing(c -> InputHash.sha256(course.courseId() + "/" + c.courseId())))
                .toList();
        String own = text(course);
        List<QuizQuestion> questions = new ArrayList<>();
        List<String> wrongTitles = others.stream()
                .map(CourseCandidate::title)
                .filter(t -> !t.equalsIgnoreCase(course.title()))
                .distinct()
                .limit(3)
                .toList();
        if (wrongTitles.size() == 3
                && course.summary() != null
                && !course.summary().isBlank()) {
            questions.add(QuizQuestion.multipleChoice(
                    "q1",
                    "Which course does this describe: \"" + course.summary().strip() + "\"?",
                    course.title(),
                    wrongTitles,
                    "It is the summary of \"" + course.title() + "\"."));
        }
        List<String> ownTopics =
                course.tags().stream().map(OfflineQuizDrafter::words).toList();
        List<String> foreignTopics = others.stream()
                .flatMap(c -> c.tags().stream())
                .map(OfflineQuizDrafter::words)
                .filter(t -> !own.contains(t.toLowerCase(Locale.ROOT)))
                .distinct()
                .limit(3)
                .toList();
        if (!ownTopics.isEmpty() && foreignTopics.size() == 3) {
            questions.add(QuizQuestion.multipleChoice(
                    "q" + (questions.size() + 1),
                    "Which of these topics does \"" + course.title() + "\" cover?",
                    ownTopics.get(0),
                    foreignTopics,
                    "\"" + course.title() + "\" covers " + String.join(", ", ownTopics) + "."));
        }
        List<String> truths = phrases(course.summary());
        List<String> falsehoods = others.stream()
                .flatMap(c -> phrases(c.summary()).stream())
                .filter(p -> !own.contains(p.toLowerCase(Locale.ROOT)))
                .distinct()
                .toList();
        for (int i = 0; questions.size() < maxQuestions && (i < truths.size() || i < falsehoods.size()); i++) {
            if (i < truths.size()) {
                questions.add(QuizQuestion.trueFalse(
                        "q" + (questions.size() + 1),
                        "\"" + course.title() + "\" covers " + truths.get(i) + ".",
                        true,
                        "The course summary names it."));
            }
            if (i < falsehoods.size() && questions.size() < maxQuestions) {
                questions.add(QuizQuestion.trueFalse(
                        "q" + (questions.size() + 1),
                        "\"" + course.title() + "\" covers " + falsehoods.get(i) + ".",
                        false,
                        "That belongs to another course of the catalogue."));
            }
        }
        List<QuizQuestion> kept =
                questions.stream().limit(Math.max(0, maxQuestions)).toList();
        String hash = InputHash.of("draftQuiz", course, catalogue, maxQuestions);
        return new AiResult<>(
                new QuizDraft(course.courseId(), course.title(), kept),
                Provenance.of(engine, TEMPLATE, hash, clock.instant()));
    }

    /** Topic phrases of a summary: what follows a colon if there is one, split on commas and "and". */
    static List<String> phrases(String summary) {
        if (summary == null || summary.isBlank()) {
            return List.of();
        }
        String s = summary.strip();
        int colon = s.indexOf(':');
        String list = colon >= 0 ? s.substring(colon + 1) : s;
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(list.split(",|\\band\\b|;"))
                .map(String::strip)
                .map(p -> p.replaceAll("[.]+$", ""))
                .filter(p -> p.length() >= 3 && p.length() <= 80)
                .map(p -> p.matches("(The|A|An) .*")
                        ? Character.toLowerCase(p.charAt(0)) + p.substring(1)
                        : p) // mid-sentence
                .forEach(out::add);
        return List.copyOf(out);
    }

    private static String text(CourseCandidate c) {
        return (c.title() + " " + c.summary() + " "
                        + String.join(
                                " ",
                                c.tags().stream().map(OfflineQuizDrafter::words).toList()))
                .toLowerCase(Locale.ROOT);
    }

    private static String words(String tag) {
        return tag.replace('-', ' ');
    }
}

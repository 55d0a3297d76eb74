package io.trainflow.connectors.sample;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.CourseMatch;
import io.trainflow.connectors.ai.FeedbackSummary;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.port.Learner;
import io.trainflow.connectors.ai.port.NeedsAnalysis;
import io.trainflow.connectors.ai.port.PathItem;
import io.trainflow.connectors.ai.port.PathReason;
import io.trainflow.connectors.ai.port.SessionMatch;
import io.trainflow.connectors.ai.port.SessionOption;
import io.trainflow.connectors.ai.port.StepRules;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.ai.provenance.InputHash;
import io.trainflow.connectors.ai.provenance.Provenance;
import io.trainflow.connectors.ai.quiz.OfflineQuizDrafter;
import io.trainflow.connectors.ai.quiz.QuizDraft;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Offline, deterministic AI for the sample organisation. Ranking: the share of the skill's terms
 * (name terms count double, they say what the skill is) found in the course's title, summary and
 * tags. Feedback summary: extractive, the comments most similar to all the others; it never
 * writes feedback of its own. Fast and dependency-free, for tests of the process logic; the app uses
 * the embedding model of connectors/ai.
 */
public class SampleAi implements AiPort {

    public static final String ENGINE = "sample-offline-token-overlap";

    private final Clock clock;
    private final OfflineQuizDrafter quiz;

    public SampleAi(Clock clock) {
        this.clock = clock;
        this.quiz = new OfflineQuizDrafter(ENGINE, clock);
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    /** The deterministic rule (gaps below the role's levels, largest first) with a sentence naming them. */
    @Override
    public AiResult<NeedsAnalysis> analyseNeeds(String roleName, List<SkillNeed> requirements) {
        return StepRules.needs(ENGINE, clock.instant(), roleName, requirements);
    }

    /** The deterministic rule: the earliest upcoming session with seats left, and why. */
    @Override
    public AiResult<SessionMatch> matchSessions(
            String courseId, String courseTitle, List<SessionOption> sessions, Instant now, Instant deadline) {
        return StepRules.sessions(ENGINE, clock.instant(), courseId, courseTitle, sessions, now, deadline);
    }

    @Override
    public AiResult<List<CourseMatch>> rankCourses(SkillNeed need, List<CourseCandidate> candidates) {
        return traced(ranking(need, candidates), "sample-rank/1", InputHash.of("rankCourses", need, candidates));
    }

    List<CourseMatch> ranking(SkillNeed need, List<CourseCandidate> candidates) {
        return candidates.stream()
                .map(c -> new CourseMatch(c.courseId(), round(similarity(need, c))))
                .sorted(Comparator.comparingDouble(CourseMatch::similarity)
                        .reversed()
                        .thenComparing(CourseMatch::courseId))
                .toList();
    }

    static double similarity(SkillNeed need, CourseCandidate course) {
        Set<String> name = TextSimilarity.tokens(need.skillName() + " " + need.skillId());
        Set<String> description = TextSimilarity.tokens(need.description());
        description.removeAll(name);
        Set<String> courseTerms = courseTerms(course);
        double total = 2.0 * name.size() + description.size();
        if (total == 0) {
            return 0;
        }
        double hit = 2.0 * name.stream().filter(courseTerms::contains).count()
                + description.stream().filter(courseTerms::contains).count();
        return hit / total;
    }

    @Override
    public AiResult<List<PathReason>> explainPath(Learner learner, List<PathItem> items) {
        // the learner (and any justification) is not read at all: nothing typed by an employee steers it
        List<PathReason> reasons = items.stream()
                .map(i -> new PathReason(
                        i.course().courseId(),
                        i.need().skillId(),
                        i.similarity(),
                        explainMatch(i.need(), i.course(), i.similarity())))
                .toList();
        return traced(reasons, "sample-explain/1", InputHash.of("explainPath", items));
    }

    @Override
    public AiResult<QuizDraft> draftQuiz(CourseCandidate course, List<CourseCandidate> catalogue, int maxQuestions) {
        return quiz.draftQuiz(course, catalogue, maxQuestions);
    }

    String explainMatch(SkillNeed need, CourseCandidate course, double similarity) {
        Set<String> courseTerms = courseTerms(course);
        Set<String> shared = new LinkedHashSet<>();
        TextSimilarity.words(need.skillName() + " " + need.description()).stream()
                .filter(w -> courseTerms.contains(TextSimilarity.stem(w)))
                .forEach(shared::add);
        String terms = shared.isEmpty() ? "no shared terms" : "shared terms: " + String.join(", ", shared);
        return String.format(
                Locale.ROOT,
                "%s develops %s (level %d, role needs %d); %s; similarity %.2f.",
                course.title(),
                need.skillName(),
                need.currentLevel(),
                need.requiredLevel(),
                terms,
                similarity);
    }

    @Override
    public AiResult<FeedbackSummary> summariseFeedback(List<String> comments, int maxSentences) {
        return traced(
                summary(comments, maxSentences),
                "sample-summary/1",
                InputHash.of("summariseFeedback", comments == null ? List.of() : comments, maxSentences));
    }

    FeedbackSummary summary(List<String> comments, int maxSentences) {
        List<String> usable = comments == null
                ? List.of()
                : comments.stream()
                        .filter(c -> c != null && !c.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
        if (usable.isEmpty() || maxSentences <= 0) {
            return new FeedbackSummary("No feedback comments were given.", ENGINE, List.of());
        }
        List<Set<String>> terms = usable.stream().map(TextSimilarity::tokens).toList();
        // centrality: mean similarity to every other comment; ties keep the earlier comment
        double[] score = new double[usable.size()];
        for (int i = 0; i < usable.size(); i++) {
            for (int j = 0; j < usable.size(); j++) {
                if (i != j) {
                    score[i] += TextSimilarity.jaccard(terms.get(i), terms.get(j));
                }
            }
        }
        List<Integer> picked = new ArrayList<>(IntStream.range(0, usable.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparing(i -> i))
                .limit(maxSentences)
                .toList());
        picked.sort(Comparator.naturalOrder());
        List<String> sentences = picked.stream().map(usable::get).toList();
        return new FeedbackSummary(String.join(" ", sentences), ENGINE, sentences);
    }

    private <T> AiResult<T> traced(T value, String template, String hash) {
        return new AiResult<>(value, Provenance.of(ENGINE, template, hash, clock.instant()));
    }

    private static Set<String> courseTerms(CourseCandidate course) {
        Set<String> terms = TextSimilarity.tokens(course.title() + " " + course.summary());
        terms.addAll(TextSimilarity.tokens(course.tags()));
        return terms;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

package io.trainflow.connectors.ai.offline;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.CourseMatch;
import io.trainflow.connectors.ai.FeedbackSummary;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.embedding.CourseEmbeddings;
import io.trainflow.connectors.ai.embedding.CourseTexts;
import io.trainflow.connectors.ai.embedding.EmbeddingCache;
import io.trainflow.connectors.ai.embedding.MiniLmEmbedder;
import io.trainflow.connectors.ai.embedding.TextEmbedder;
import io.trainflow.connectors.ai.embedding.Vectors;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline engine that always works: all-MiniLM-L6-v2 from a Maven jar ranks courses by cosine
 * similarity of gap text and course text, explanations come from a fixed template, feedback summaries
 * are sentences chosen by embedding centrality. No network, no personal data leaves, deterministic.
 * Employee-typed text (a justification) is never used at all, so nothing hidden in it can steer it.
 */
public final class OfflineAi implements AiPort {

    /**
     * Cosine at or below which a course is unrelated. MiniLM gives unrelated English sentences cosines up
     * to about 0.3; mapping [floor, 1] onto [0, 1] keeps the port's meaning "0 unrelated" and lets callers
     * keep one cut-off (RankLearningPathHandler uses 0.3) whatever engine ranks. Order is unchanged.
     */
    public static final double DEFAULT_FLOOR = 0.3;

    private final CourseEmbeddings courses;
    private final ExtractiveSummariser summariser;
    private final OfflineQuizDrafter quiz;
    private final double floor;
    private final Clock clock;
    private final String engine;
    private final Map<String, float[]> gapVectors = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > 4096; // gap texts repeat across employees (one per skill): memoise, bounded
        }
    });

    public OfflineAi(TextEmbedder embedder, EmbeddingCache cache, double floor, Clock clock) {
        this.courses = new CourseEmbeddings(embedder, cache);
        this.summariser = new ExtractiveSummariser(embedder);
        this.floor = floor;
        this.clock = clock;
        this.engine = "offline:" + embedder.name();
        this.quiz = new OfflineQuizDrafter(engine, clock);
    }

    /** The shipped default: the quantised model, vectors cached under {@code cache}. */
    public static OfflineAi withDefaults(EmbeddingCache cache) {
        return new OfflineAi(
                MiniLmEmbedder.shared(MiniLmEmbedder.Variant.QUANTISED), cache, DEFAULT_FLOOR, Clock.systemUTC());
    }

    @Override
    public String engine() {
        return engine;
    }

    /** Embeds (or loads from the cache) the catalogue; call at start-up and whenever the catalogue changes. */
    public String indexCatalogue(List<CourseCandidate> catalogue) {
        return courses.index(catalogue);
    }

    public CourseEmbeddings courseEmbeddings() {
        return courses;
    }

    /** The deterministic rule (gaps below the role's levels, largest first) with a sentence naming them. */
    @Override
    public AiResult<NeedsAnalysis> analyseNeeds(String roleName, List<SkillNeed> requirements) {
        return StepRules.needs(engine, clock.instant(), roleName, requirements);
    }

    /** The deterministic rule: the earliest upcoming session with seats left, and why. */
    @Override
    public AiResult<SessionMatch> matchSessions(
            String courseId, String courseTitle, List<SessionOption> sessions, Instant now, Instant deadline) {
        return StepRules.sessions(engine, clock.instant(), courseId, courseTitle, sessions, now, deadline);
    }

    @Override
    public AiResult<List<CourseMatch>> rankCourses(SkillNeed need, List<CourseCandidate> candidates) {
        float[] gap = gapVectors.computeIfAbsent(CourseTexts.gap(need), courses.embedder()::embed);
        List<float[]> vectors = courses.vectors(candidates);
        List<CourseMatch> matches = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            matches.add(new CourseMatch(candidates.get(i).courseId(), calibrate(Vectors.cosine(gap, vectors.get(i)))));
        }
        matches.sort(
                Comparator.comparingDouble(CourseMatch::similarity).reversed().thenComparing(CourseMatch::courseId));
        // the candidates enter the hash by content key: same texts, same hash, without serialising 1,000 courses again
        return result(
                matches, OfflineTemplates.RANK, InputHash.of("rankCourses", need, courses.contentKeys(candidates)));
    }

    double calibrate(double cosine) {
        double s = (cosine - floor) / (1 - floor);
        return Math.round(Math.max(0, Math.min(1, s)) * 1000) / 1000.0;
    }

    /** The template sentence for one course and gap (the text {@link #explainPath} gives each item). */
    public String explainMatch(SkillNeed need, CourseCandidate course, double similarity) {
        return OfflineTemplates.explain(need, course, similarity);
    }

    @Override
    public AiResult<List<PathReason>> explainPath(Learner learner, List<PathItem> items) {
        List<PathReason> reasons = items.stream()
                .map(i -> new PathReason(
                        i.course().courseId(),
                        i.need().skillId(),
                        i.similarity(),
                        OfflineTemplates.explain(i.need(), i.course(), i.similarity())))
                .toList();
        return result(reasons, OfflineTemplates.EXPLAIN, InputHash.of("explainPath", learner, items));
    }

    @Override
    public AiResult<FeedbackSummary> summariseFeedback(List<String> comments, int maxSentences) {
        List<String> picked = summariser.pick(comments, maxSentences);
        return result(
                new FeedbackSummary(OfflineTemplates.summary(picked), engine, picked),
                OfflineTemplates.SUMMARY,
                InputHash.of("summariseFeedback", comments == null ? List.of() : comments, maxSentences));
    }

    @Override
    public AiResult<QuizDraft> draftQuiz(CourseCandidate course, List<CourseCandidate> catalogue, int maxQuestions) {
        return quiz.draftQuiz(course, catalogue, maxQuestions);
    }

    private <T> AiResult<T> result(T value, String template, String hash) {
        return new AiResult<>(value, Provenance.of(engine, template, hash, clock.instant()));
    }
}

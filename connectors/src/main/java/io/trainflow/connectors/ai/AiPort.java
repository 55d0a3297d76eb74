package io.trainflow.connectors.ai;

import io.trainflow.connectors.ai.port.Learner;
import io.trainflow.connectors.ai.port.NeedsAnalysis;
import io.trainflow.connectors.ai.port.PathItem;
import io.trainflow.connectors.ai.port.PathReason;
import io.trainflow.connectors.ai.port.SessionMatch;
import io.trainflow.connectors.ai.port.SessionOption;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.ai.quiz.QuizDraft;
import java.time.Instant;
import java.util.List;

/**
 * AI services Trainflow uses, named after the task, not the technique: an offline default and any
 * OpenAI-compatible endpoint implement the same port. Every output comes with its provenance (engine,
 * template version, input hash, time, fallback taken) so the audit trail can show where it came from.
 * AI drafts, people decide: nothing here approves, rejects or publishes anything.
 * Closing an engine releases what it holds (a model engine's Camel context); the app closes it at shutdown.
 */
public interface AiPort extends AutoCloseable {

    /** Name of the engine behind this port (e.g. "offline:all-minilm-l6-v2-q"). */
    String engine();

    /**
     * The learner's skill gaps: {@code requirements} are every skill the role requires, each with the
     * learner's current level. The gaps are those below the required level ({@link
     * io.trainflow.connectors.ai.port.StepRules#gaps}); an engine may re-order and explain them, never add or
     * drop one.
     */
    AiResult<NeedsAnalysis> analyseNeeds(String roleName, List<SkillNeed> requirements);

    /**
     * Ranks the sessions of one course for a learner, best first. Only sessions starting after {@code now}
     * with seats left (and before {@code deadline} when given) may be ranked; an engine chooses among the
     * given sessions only. Empty ranking: none can be taken.
     */
    AiResult<SessionMatch> matchSessions(
            String courseId, String courseTitle, List<SessionOption> sessions, Instant now, Instant deadline);

    /**
     * Ranks candidate courses for one skill need, best first. Every candidate is returned with a
     * similarity in 0..1; the caller decides the cut-off. Never adds a course that is not a candidate.
     */
    AiResult<List<CourseMatch>> rankCourses(SkillNeed need, List<CourseCandidate> candidates);

    /**
     * One reason per chosen course, in the items' order, for the manager who approves the path. The
     * learner's own words (a justification) are data to quote, never instructions to follow.
     */
    AiResult<List<PathReason>> explainPath(Learner learner, List<PathItem> items);

    /**
     * Summarises free-text feedback. Never invents feedback: {@code sentences} are taken from the
     * comments (extractive) or, for a generative engine, must be traceable to them.
     */
    AiResult<FeedbackSummary> summariseFeedback(List<String> comments, int maxSentences);

    /** Drafts quiz questions from a course's own text, for a subject-matter expert to review. */
    AiResult<QuizDraft> draftQuiz(CourseCandidate course, List<CourseCandidate> catalogue, int maxQuestions);

    /** Releases the engine's resources; an engine holding none (offline, sample) has nothing to do. */
    @Override
    default void close() {}
}

package io.trainflow.connectors.ai;

import java.util.List;

/**
 * AI services Trainflow uses, named after the task, not the technique: an offline default and
 * any OpenAI-compatible endpoint implement the same port. Inputs carry no personal data (skills,
 * course texts, feedback comments); every output says which {@link #engine()} made it.
 * AI drafts, people decide: nothing here approves or publishes anything.
 */
public interface AiPort {

    /** Name of the engine behind this port, recorded with every output (e.g. "offline-token-overlap"). */
    String engine();

    /**
     * Ranks candidate courses for one skill need, best first. Every candidate is returned with
     * a similarity in 0..1; the caller decides the cut-off. Never adds a course that is not a candidate.
     */
    List<CourseMatch> rankCourses(SkillNeed need, List<CourseCandidate> candidates);

    /** One or two plain sentences saying why the course fits the need. */
    String explainMatch(SkillNeed need, CourseCandidate course, double similarity);

    /**
     * Summarises free-text feedback. Never invents feedback: {@code sentences} are taken from
     * the comments (extractive) or, for a generative engine, must be traceable to them.
     */
    FeedbackSummary summariseFeedback(List<String> comments, int maxSentences);
}

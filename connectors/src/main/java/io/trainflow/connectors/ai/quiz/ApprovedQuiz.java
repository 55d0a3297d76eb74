package io.trainflow.connectors.ai.quiz;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Questions a named person approved (as drafted or edited). The exporters accept only this type, and
 * the only way to make one is {@link #review}: AI drafts, people decide what is published.
 */
public final class ApprovedQuiz {

    private final String courseId;
    private final String courseTitle;
    private final List<QuizQuestion> questions;
    private final String reviewer;
    private final Instant reviewedAt;

    private ApprovedQuiz(
            String courseId, String courseTitle, List<QuizQuestion> questions, String reviewer, Instant at) {
        this.courseId = courseId;
        this.courseTitle = courseTitle;
        this.questions = List.copyOf(questions);
        this.reviewer = reviewer;
        this.reviewedAt = at;
    }

    /**
     * Applies the expert's decisions. Every drafted question needs exactly one decision: a question
     * nobody looked at is not silently published, nor silently dropped.
     */
    public static ApprovedQuiz review(QuizDraft draft, String reviewer, Instant at, List<ReviewDecision> decisions) {
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review needs the reviewer");
        }
        Map<String, ReviewDecision> byId = decisions.stream()
                .collect(Collectors.toMap(ReviewDecision::questionId, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("two decisions for question " + a.questionId());
                }));
        List<String> ids = draft.questions().stream().map(QuizQuestion::id).toList();
        List<String> undecided =
                ids.stream().filter(id -> !byId.containsKey(id)).toList();
        List<String> unknown =
                byId.keySet().stream().filter(id -> !ids.contains(id)).sorted().toList();
        if (!undecided.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "decisions must cover the draft exactly; undecided " + undecided + ", unknown " + unknown);
        }
        List<QuizQuestion> kept = draft.questions().stream()
                .map(q -> byId.get(q.id()))
                .filter(d -> d.verdict() != ReviewDecision.Verdict.REJECT)
                .map(d -> d.verdict() == ReviewDecision.Verdict.EDIT ? d.edited() : question(draft, d.questionId()))
                .toList();
        return new ApprovedQuiz(draft.courseId(), draft.courseTitle(), kept, reviewer, Objects.requireNonNull(at));
    }

    private static QuizQuestion question(QuizDraft draft, String id) {
        return draft.questions().stream()
                .filter(q -> q.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    public String courseId() {
        return courseId;
    }

    public String courseTitle() {
        return courseTitle;
    }

    public List<QuizQuestion> questions() {
        return questions;
    }

    public String reviewer() {
        return reviewer;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }
}

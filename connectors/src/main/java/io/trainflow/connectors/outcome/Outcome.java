package io.trainflow.connectors.outcome;

import java.time.Instant;
import java.util.Map;

/**
 * How one training request ended, with what the evaluation measured.
 *
 * @param programmeId      "" for a single request outside any programme
 * @param status           completed, not-completed, not-enrolled, rejected, no-need, withdrawn, employee-unknown or
 *                         already-requested
 * @param reaction         Kirkpatrick L1 as the process holds it (responses, averageScore, nps, comments), or null
 * @param learning         Kirkpatrick L2 (grades, averageGrade, allPassed), or null
 * @param followUps        L3 manager follow-ups, any JSON-like value, or null
 * @param lastReviewRating review rating before the training, or null
 * @param reviewAfter      review rating after the training, or null
 * @param reason           why it ended so, in words for people, or null
 * @param linked           courses left out because another open request of the employee holds them, naming it, or null
 */
public record Outcome(
        String programmeId,
        String requestId,
        String employeeId,
        String status,
        Map<String, Object> reaction,
        Map<String, Object> learning,
        Object followUps,
        Double lastReviewRating,
        Double reviewAfter,
        Instant recordedAt,
        String reason,
        String linked) {

    public Outcome {
        programmeId = programmeId == null ? "" : programmeId;
    }

    /** An outcome without a reason and without courses left out. */
    public Outcome(
            String programmeId,
            String requestId,
            String employeeId,
            String status,
            Map<String, Object> reaction,
            Map<String, Object> learning,
            Object followUps,
            Double lastReviewRating,
            Double reviewAfter,
            Instant recordedAt) {
        this(
                programmeId,
                requestId,
                employeeId,
                status,
                reaction,
                learning,
                followUps,
                lastReviewRating,
                reviewAfter,
                recordedAt,
                null,
                null);
    }
}

package io.trainflow.connectors.lms;

import java.time.Instant;

/**
 * One completed course-feedback form (Kirkpatrick level 1).
 *
 * @param username null when the feedback is anonymous
 * @param score    "how likely are you to recommend this course" 0..10, null when unanswered
 * @param comment  free text, null or blank when none
 */
public record FeedbackResponse(String courseId, String username, Integer score, String comment, Instant submittedAt) {}

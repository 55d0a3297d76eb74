package io.trainflow.connectors.lms;

import java.time.Instant;

/**
 * A learner's enrolment in one course.
 *
 * @param end        when access ends, null for open-ended
 * @param lastAccess the learner's last visit to the course, null when never
 */
public record Enrolment(String username, String courseId, Instant start, Instant end, Instant lastAccess) {}

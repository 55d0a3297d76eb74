package io.trainflow.connectors.lms;

import java.time.Instant;

/**
 * Course completion of one learner, as the LMS last computed it (Moodle computes it in a
 * scheduled task, so it may lag the learner's last activity).
 *
 * @param completedAt null unless completed
 */
public record CompletionStatus(
        String username, String courseId, boolean enrolled, boolean completed, Instant completedAt) {}

package io.trainflow.connectors.catalogue;

import java.time.Instant;

/**
 * One scheduled run of a course.
 *
 * @param style how it is taught, e.g. "hands-on", "lecture", "self-paced", "workshop"
 */
public record TrainingSession(
        String sessionId,
        String courseId,
        Instant start,
        Instant end,
        int seats,
        int seatsTaken,
        String trainer,
        String style) {

    public int seatsLeft() {
        return Math.max(0, seats - seatsTaken);
    }
}

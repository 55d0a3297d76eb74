package io.trainflow.workflows.sessions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The session chosen for one course of the path. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionBooking(
        @Doc("LMS course id") String courseId,
        @Doc("Catalogue session id") String sessionId,
        @Doc("Start, ISO-8601 date-time") String startDate,
        @Doc("End, ISO-8601 date-time") String endDate,
        @Doc("Trainer") String trainer,
        @Doc("Seats left when the session was chosen") int seatsLeft,

        @Doc(
                value = "Why this session (AI draft: the rule's reason offline, a model's among the given sessions)",
                optional = true)
        String matchReason) {

    public SessionBooking(
            String courseId, String sessionId, String startDate, String endDate, String trainer, int seatsLeft) {
        this(courseId, sessionId, startDate, endDate, trainer, seatsLeft, null);
    }

    public Instant start() {
        return parse(startDate);
    }

    public Instant end() {
        return parse(endDate);
    }

    /** Accepts what a process may hold: an instant ("...Z") or a date-time with offset. */
    public static Instant parse(String isoDateTime) {
        return OffsetDateTime.parse(isoDateTime).toInstant();
    }
}

package io.trainflow.connectors.lms;

import java.time.Duration;
import java.time.Instant;

/** A user calendar event to create, optionally tied to a course. */
public record CalendarEvent(
        String username, String courseId, String name, String description, Instant start, Duration duration) {}

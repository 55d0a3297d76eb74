package io.trainflow.connectors.ai.port;

import java.time.Instant;

/** A scheduled session of a course, as offered to session matching. {@code trainer} is a person's name. */
public record SessionOption(String sessionId, Instant start, Instant end, String trainer, int seatsLeft) {}

package io.trainflow.connectors.ai.port;

/** Why one course is on the path: the gap it closes, the similarity, and a sentence for the manager. */
public record PathReason(String courseId, String skillId, double similarity, String explanation) {}

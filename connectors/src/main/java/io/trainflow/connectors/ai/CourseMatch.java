package io.trainflow.connectors.ai;

/**
 * How well a course fits a skill need.
 *
 * @param similarity 0 (unrelated) .. 1 (covers the need's every term/meaning)
 */
public record CourseMatch(String courseId, double similarity) {}

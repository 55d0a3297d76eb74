package io.trainflow.connectors.ai;

import java.util.List;

/**
 * A summary of feedback comments.
 *
 * @param sentences the comments (or sentences of them) the summary rests on
 * @param engine    which engine made it
 */
public record FeedbackSummary(String text, String engine, List<String> sentences) {}

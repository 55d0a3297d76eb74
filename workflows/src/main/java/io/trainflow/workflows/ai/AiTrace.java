package io.trainflow.workflows.ai;

import io.trainflow.connectors.ai.provenance.Provenance;
import io.trainflow.workflows.api.Doc;

/**
 * Provenance of one AI output, as stored in process variables and shown in the audit trail.
 * Stored next to the output it describes, never instead of it.
 */
public record AiTrace(
        @Doc("What the AI produced, e.g. ranking, path-explanations, feedback-summary, quiz-draft")
        String output,

        @Doc("Engine family that produced the value: offline, openai-compatible or sample")
        String engine,

        @Doc("Model behind the engine, e.g. all-minilm-l6-v2-q or the configured model name")
        String model,

        @Doc("Prompt or text template version") String templateVersion,
        @Doc("SHA-256 of the canonical inputs") String inputHash,
        @Doc("When it was produced, ISO-8601") String createdAt,

        @Doc(value = "Engine tried first and rejected; null when none", optional = true)
        String fallbackFrom,

        @Doc(value = "Why that engine's answer was rejected; null when none", optional = true)
        String fallbackReason) {

    public static AiTrace of(String output, Provenance p) {
        int colon = p.engine().indexOf(':');
        return new AiTrace(
                output,
                colon < 0 ? p.engine() : p.engine().substring(0, colon),
                colon < 0 ? p.engine() : p.engine().substring(colon + 1),
                p.templateVersion(),
                p.inputHash(),
                p.createdAt().toString(),
                p.fallbackFrom(),
                p.fallbackReason());
    }
}

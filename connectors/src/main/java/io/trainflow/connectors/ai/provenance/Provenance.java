package io.trainflow.connectors.ai.provenance;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an AI output came from, stored with the output so the audit trail can show it.
 *
 * @param engine          the engine that produced the value actually returned (e.g. "offline:all-minilm-l6-v2-q",
 *                        "openai-compatible:llama3.1")
 * @param templateVersion the prompt or text template that shaped it (e.g. "explain-path/1")
 * @param inputHash       SHA-256 (hex) of the canonical inputs, before any pseudonymisation, so an auditor holding
 *                        the inputs can prove which ones were used without the trail storing them twice
 * @param createdAt       when the output was made
 * @param fallbackFrom    the engine that was tried first and rejected, or null
 * @param fallbackReason  why it was rejected (invalid output, timeout, restricted field...), or null
 */
public record Provenance(
        String engine,
        String templateVersion,
        String inputHash,
        Instant createdAt,
        String fallbackFrom,
        String fallbackReason) {

    public Provenance {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(templateVersion, "templateVersion");
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Provenance of(String engine, String templateVersion, String inputHash, Instant at) {
        return new Provenance(engine, templateVersion, inputHash, at, null, null);
    }

    /** The same output, marked as the fallback taken after {@code failedEngine} was rejected for {@code reason}. */
    public Provenance asFallbackFrom(String failedEngine, String reason) {
        return new Provenance(engine, templateVersion, inputHash, createdAt, failedEngine, reason);
    }

    public boolean fellBack() {
        return fallbackFrom != null;
    }
}

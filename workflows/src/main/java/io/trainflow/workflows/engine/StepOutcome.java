package io.trainflow.workflows.engine;

import java.util.Map;

/**
 * What running a step produced: output variables, a business error the BPMN catches, or an incident for an
 * administrator (a configuration failure no retry can fix).
 */
public sealed interface StepOutcome {

    record Completed(Map<String, Object> variables) implements StepOutcome {}

    record BusinessFailure(String code, String message, Map<String, Object> variables) implements StepOutcome {}

    /** Retrying cannot help and the process must not go on: an administrator fixes the cause and retries. */
    record Incident(String message) implements StepOutcome {}
}

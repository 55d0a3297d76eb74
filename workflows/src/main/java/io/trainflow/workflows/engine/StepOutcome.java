package io.trainflow.workflows.engine;

import java.util.Map;

/** What running a step produced: output variables, or a business error the BPMN catches. */
public sealed interface StepOutcome {

    record Completed(Map<String, Object> variables) implements StepOutcome {
    }

    record BusinessFailure(String code, String message, Map<String, Object> variables) implements StepOutcome {
    }
}

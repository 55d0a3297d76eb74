package io.trainflow.workflows.api;

import java.util.Map;

/**
 * An outcome the process models with a BPMN error event (code matched by {@code errorCode}).
 * Never retried.
 */
public class BusinessError extends Exception {

    private final String code;
    private final Map<String, Object> variables;

    public BusinessError(String code, String message) {
        this(code, message, Map.of());
    }

    public BusinessError(String code, String message, Map<String, Object> variables) {
        super(message);
        this.code = code;
        this.variables = Map.copyOf(variables);
    }

    public String code() {
        return code;
    }

    /** Variables set before the error is thrown, e.g. the reason, so the error path can use them. */
    public Map<String, Object> variables() {
        return variables;
    }
}

package io.trainflow.workflows.engine;

import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.feel.FeelValues;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Engine-neutral call of one handler: variables in, variables (or a business error) out.
 * Both engine adapters go through here, so a handler behaves the same on Flowable and Zeebe.
 */
public final class StepInvoker {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * Runs the handler. Technical failures (including unreadable input) propagate as exceptions
     * for the adapter to retry; a {@link BusinessError} becomes a {@link StepOutcome.BusinessFailure}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public StepOutcome invoke(RegisteredHandler registered, Map<String, Object> variables) {
        return invoke(registered, variables, Map.of());
    }

    /**
     * As {@link #invoke(RegisteredHandler, Map)}, with the element's task headers as static
     * defaults: a header fills an input only when no variable of that name is visible.
     */
    public StepOutcome invoke(RegisteredHandler registered, Map<String, Object> variables, Map<String, String> headers) {
        Map<String, Object> values = variables;
        if (!headers.isEmpty()) {
            values = new LinkedHashMap<>(headers);
            values.putAll(variables);
        }
        Object input;
        try {
            input = json.convertValue(values, registered.inputType());
        } catch (RuntimeException e) {
            throw new StepInputException(registered.type(), e.getMessage(), e);
        }
        try {
            Object output = ((StepHandler) registered.handler()).handle(input);
            return new StepOutcome.Completed(toVariables(output));
        } catch (BusinessError error) {
            return new StepOutcome.BusinessFailure(error.code(), error.getMessage(), error.variables());
        }
    }

    public Map<String, Object> toVariables(Object output) {
        if (output == null) {
            return Map.of();
        }
        Map<String, Object> raw = json.convertValue(output, MAP);
        Map<String, Object> plain = new LinkedHashMap<>();
        raw.forEach((k, v) -> plain.put(k, FeelValues.toPlain(v)));
        return plain;
    }
}

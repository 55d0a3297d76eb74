package io.trainflow.workflows.engine;

import io.trainflow.connectors.error.PortBusinessException;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.feel.FeelValues;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Engine-neutral call of one handler: variables in, variables (or a business error) out.
 * Both engine adapters go through here, so a handler behaves the same on Flowable and Zeebe.
 */
public final class StepInvoker {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** Messages without an expression language: the constraints' own texts, with their parameters filled in. */
    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * Runs the handler. Technical failures (including unreadable input) propagate as exceptions
     * for the adapter to retry; a {@link BusinessError} becomes a {@link StepOutcome.BusinessFailure}.
     * A port's {@link PortBusinessException} is translated here, once for every handler and engine: a refusal
     * becomes the BPMN error of its code, a configuration failure an {@link StepOutcome.Incident} at once.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public StepOutcome invoke(RegisteredHandler registered, Map<String, Object> variables) {
        return invoke(registered, variables, Map.of());
    }

    /**
     * As {@link #invoke(RegisteredHandler, Map)}, with the element's task headers as static
     * defaults: a header fills an input only when no variable of that name is visible.
     */
    public StepOutcome invoke(
            RegisteredHandler registered, Map<String, Object> variables, Map<String, String> headers) {
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
        validate(registered.type(), input);
        try {
            Object output = ((StepHandler) registered.handler()).handle(input);
            return new StepOutcome.Completed(toVariables(output));
        } catch (BusinessError error) {
            return new StepOutcome.BusinessFailure(error.code(), error.getMessage(), error.variables());
        } catch (RuntimeException e) {
            PortBusinessException answered = answered(e);
            if (answered == null) {
                throw e;
            }
            String said = answered.system() + " error " + answered.systemCode() + ": " + answered.getMessage();
            if (answered.isConfiguration()) {
                return new StepOutcome.Incident("Configuration problem, not retried: " + said
                        + ". Fix it, then retry this incident; the request waits here.");
            }
            return new StepOutcome.BusinessFailure(answered.bpmnErrorCode(), said, Map.of());
        }
    }

    /** The input record's constraints (Bean Validation), checked here once for every handler. */
    private static void validate(String type, Object input) {
        if (input == null) {
            return;
        }
        Map<String, String> fields = new java.util.TreeMap<>();
        for (ConstraintViolation<Object> violation : VALIDATOR.validate(input)) {
            fields.merge(violation.getPropertyPath().toString(), violation.getMessage(), (a, b) -> a + ", " + b);
        }
        if (!fields.isEmpty()) {
            throw new StepInputException(type, fields);
        }
    }

    /** The system's "no" in the cause chain, or null for a technical failure. */
    private static PortBusinessException answered(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PortBusinessException p) {
                return p;
            }
        }
        return null;
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

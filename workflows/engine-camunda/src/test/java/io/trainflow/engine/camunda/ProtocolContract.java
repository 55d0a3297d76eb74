package io.trainflow.engine.camunda;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The REST protocol as the client's own model classes ({@code io.camunda.client.protocol.rest}) define it, applied
 * strictly: a body with a property the class does not have, a duplicate key, or a null for a primitive fails, and so
 * does a property the class marks {@code required} that is absent, at any depth. Used on what the client sends and on
 * what the test gateway answers, so both sides keep to the same contract.
 */
final class ProtocolContract {

    static final String MODEL_PACKAGE = "io.camunda.client.protocol.rest";

    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /**
     * Classes the generator flattened from a {@code oneOf}: their {@code required} marks are the union of the
     * alternatives' (an instruction by id and by key, four kinds of page), so a value must instead be complete as
     * at least one alternative, each read strictly.
     */
    private static final Map<Class<?>, List<Class<?>>> ONE_OF = Map.of(
            io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction.class,
                    List.of(
                            io.camunda.client.protocol.rest.ProcessInstanceCreationInstructionById.class,
                            io.camunda.client.protocol.rest.ProcessInstanceCreationInstructionByKey.class),
            io.camunda.client.protocol.rest.SearchQueryPageRequest.class,
                    List.of(
                            io.camunda.client.protocol.rest.OffsetPagination.class,
                            io.camunda.client.protocol.rest.LimitPagination.class,
                            io.camunda.client.protocol.rest.CursorForwardPagination.class,
                            io.camunda.client.protocol.rest.CursorBackwardPagination.class));

    private ProtocolContract() {}

    /** The body as an instance of the model class, or the contract's complaint. */
    static <T> T read(byte[] body, Class<T> type) {
        if (!type.getPackageName().equals(MODEL_PACKAGE)) {
            throw new IllegalArgumentException(type + " is not one of the client's protocol classes");
        }
        T value;
        try {
            value = STRICT.readValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ContractViolation(type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ContractViolation(type.getSimpleName() + ": " + e.getMessage());
        }
        List<String> missing = new ArrayList<>();
        missingRequired(value, type.getSimpleName(), missing);
        if (!missing.isEmpty()) {
            throw new ContractViolation(type.getSimpleName() + " lacks required " + missing);
        }
        return value;
    }

    /** A model instance from plain values (an unknown name fails), checked complete: what the gateway answers with. */
    static <T> T build(Class<T> type, Map<String, ?> values) {
        T value = STRICT.convertValue(values, type);
        List<String> missing = new ArrayList<>();
        missingRequired(value, type.getSimpleName(), missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "The test gateway's " + type.getSimpleName() + " lacks required " + missing);
        }
        return value;
    }

    static byte[] write(Object model) {
        try {
            return STRICT.writeValueAsBytes(model);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Required properties (by the class's {@code @JsonProperty(required = true)}) that are null, with their path. */
    static void missingRequired(Object value, String path, List<String> missing) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                missingRequired(item, path + "[" + i++ + "]", missing);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> missingRequired(v, path + "." + k, missing));
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getPackageName().equals(MODEL_PACKAGE) || type.isEnum()) {
            return;
        }
        if (ONE_OF.containsKey(type)) {
            oneOf(value, ONE_OF.get(type), path, missing);
            return;
        }
        for (Method getter : type.getMethods()) {
            JsonProperty property = getter.getAnnotation(JsonProperty.class);
            if (property == null || getter.getParameterCount() != 0) {
                continue;
            }
            Object child = invoke(getter, value);
            if (child == null && (property.required() || requiredField(type, property.value()))) {
                missing.add(path + "." + property.value());
            }
            missingRequired(child, path + "." + property.value(), missing);
        }
    }

    /** Complete as one of the alternatives (read strictly from the same JSON), or every alternative's complaint. */
    private static void oneOf(Object value, List<Class<?>> alternatives, String path, List<String> missing) {
        byte[] json = write(value);
        List<String> complaints = new ArrayList<>();
        for (Class<?> alternative : alternatives) {
            try {
                Object as = STRICT.readValue(json, alternative);
                List<String> lacking = new ArrayList<>();
                missingRequired(as, path, lacking);
                if (lacking.isEmpty()) {
                    return;
                }
                complaints.add(alternative.getSimpleName() + " lacks " + lacking);
            } catch (java.io.IOException e) {
                complaints.add(alternative.getSimpleName() + ": "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        missing.add(path + " (none of " + complaints + ")");
    }

    private static boolean requiredField(Class<?> type, String name) {
        for (Field field : type.getDeclaredFields()) {
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            if (property != null && property.value().equals(name)) {
                return property.required();
            }
        }
        return false;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request (or answer) outside the contract. */
    static final class ContractViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ContractViolation(String message) {
            super(message);
        }
    }
}

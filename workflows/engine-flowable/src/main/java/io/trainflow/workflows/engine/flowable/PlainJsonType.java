package io.trainflow.workflows.engine.flowable;

import java.util.List;
import java.util.Map;
import org.flowable.variable.api.types.ValueFields;
import org.flowable.variable.api.types.VariableType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trainflow's structured variables (a step's output: maps and lists of text, booleans, {@code Long}s and
 * {@code Double}s, as {@code FeelValues.toPlain} makes them) stored as JSON text in the variable's own row, instead of
 * Java serialisation in a separate byte-array row (and another for its history). Measured: the byte-array rows were
 * most of what Trainflow wrote beyond raw Flowable (docs/BENCHMARKS.md, "The CPU ratio: what each phase writes").
 *
 * <p>Only values that read back equal are taken: string keys, those leaf types, and at most {@value #MAX_LENGTH}
 * characters (the text column); anything else (an {@code Integer}, a date, a longer value) keeps Flowable's own type.
 * Read back, a map is a {@code LinkedHashMap} and a list an {@code ArrayList}, equal to what was stored.
 */
final class PlainJsonType implements VariableType {

    static final String TYPE_NAME = "trainflowJson";

    /** The width of the text column ({@code TEXT_}) of the variable tables. */
    static final int MAX_LENGTH = 4000;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    @Override
    public String getTypeName() {
        return TYPE_NAME;
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    public boolean isAbleToStore(Object value) {
        if (!(value instanceof Map<?, ?> || value instanceof List<?>) || !plain(value, 0)) {
            return false;
        }
        return JSON.writeValueAsString(value).length() <= MAX_LENGTH;
    }

    @Override
    public void setValue(Object value, ValueFields fields) {
        fields.setTextValue(JSON.writeValueAsString(value));
        fields.setCachedValue(value);
    }

    @Override
    public Object getValue(ValueFields fields) {
        String json = fields.getTextValue();
        return json == null ? null : JSON.readValue(json, Object.class);
    }

    /** Whether the value reads back from JSON as an equal object. */
    private static boolean plain(Object value, int depth) {
        if (depth > 32) {
            return false;
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return true;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String) || !plain(entry.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!plain(item, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}

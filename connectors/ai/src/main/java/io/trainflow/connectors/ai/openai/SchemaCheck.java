package io.trainflow.connectors.ai.openai;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Validates an answer against the same JSON schema that was sent to the model, so a server that ignores
 * response_format (or only supports json_object) cannot slip a different shape through. Supports the
 * subset our schemas use: type (one or a list), properties, required, additionalProperties false, items,
 * enum, minItems/maxItems, minLength/maxLength, minimum/maximum.
 */
public final class SchemaCheck {

    private SchemaCheck() {}

    /** Every violation found, as "path: problem"; empty when the value conforms. */
    public static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (!typeMatches(schema.path("type"), value)) {
            out.add(path + ": expected " + schema.path("type") + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value);
            }
            if (!found) {
                out.add(path + ": not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asString())) {
                    out.add(path + ": missing " + required.asString());
                }
            }
            for (String name : value.propertyNames()) {
                if (properties.has(name)) {
                    check(properties.get(name), value.get(name), path + "." + name, out);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.path("additionalProperties").asBoolean()) {
                    out.add(path + ": unexpected property " + name);
                }
            }
        } else if (value.isArray()) {
            bound(schema, "minItems", value.size(), true, path, out);
            bound(schema, "maxItems", value.size(), false, path, out);
            for (int i = 0; i < value.size() && schema.has("items"); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", out);
            }
        } else if (value.isString()) {
            bound(schema, "minLength", value.asString().length(), true, path, out);
            bound(schema, "maxLength", value.asString().length(), false, path, out);
        } else if (value.isNumber()) {
            if (schema.has("minimum")
                    && value.asDouble() < schema.get("minimum").asDouble()) {
                out.add(path + ": below " + schema.get("minimum"));
            }
            if (schema.has("maximum")
                    && value.asDouble() > schema.get("maximum").asDouble()) {
                out.add(path + ": above " + schema.get("maximum"));
            }
        }
    }

    private static void bound(
            JsonNode schema, String keyword, int actual, boolean lower, String path, List<String> out) {
        if (schema.has(keyword)
                && (lower
                        ? actual < schema.get(keyword).asInt()
                        : actual > schema.get(keyword).asInt())) {
            out.add(path + ": " + keyword + " " + schema.get(keyword).asInt() + " violated (" + actual + ")");
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isMissingNode()) {
            return true;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asString()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}

package io.trainflow.workflows.forms;

import io.trainflow.workflows.feel.Feel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Camunda form ({@code .form} file, form-js JSON, drawn in Camunda Modeler) linked from a user
 * task by {@code zeebe:formDefinition formId}. Trainflow reads its inputs to check a completion:
 * required fields, the choices of a radio or select, number ranges, text lengths and patterns,
 * and {@code conditional.hide} (a hidden field is not checked).
 */
public record TaskForm(String id, String file, String json, List<FormField> fields) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Parses a {@code .form} file; the message of a refusal names the file and what is wrong. */
    public static TaskForm parse(String file, byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw new FormException(file, "not readable as JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FormException(file, "not a Camunda form: the file must hold one JSON object");
        }
        String id = root.path("id").asString("");
        if (id.isBlank()) {
            throw new FormException(file, "the form has no \"id\" (the formId user tasks link to)");
        }
        if (!root.path("components").isArray()) {
            throw new FormException(file, "form '" + id + "' has no \"components\" list");
        }
        List<FormField> fields = new ArrayList<>();
        collect(file, id, root.path("components"), fields);
        return new TaskForm(
                id, file, new String(content, java.nio.charset.StandardCharsets.UTF_8), List.copyOf(fields));
    }

    /** Every problem of a completion, by field key, in the form's order; empty when it may complete. */
    public Map<String, String> problems(Map<String, Object> submitted, Feel feel) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (FormField field : fields) {
            if (field.hidden(submitted, feel)) {
                continue;
            }
            if (field.nested()) {
                problems.putAll(field.nestedProblems(
                        field.key(), submitted.containsKey(field.key()), submitted.get(field.key()), feel));
                continue;
            }
            field.problem(submitted.containsKey(field.key()), submitted.get(field.key()))
                    .ifPresent(problem -> problems.put(field.key(), problem));
        }
        for (String key : submitted.keySet()) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                problems.put(
                        key,
                        "is not a field of form '" + id + "' (its fields: "
                                + String.join(
                                        ", ",
                                        fields.stream().map(FormField::key).toList()) + ")");
            }
        }
        return problems;
    }

    /**
     * Inputs at any depth: a group without a path nests its components among its parent's; a dynamic list, or
     * a group with a {@code path}, is one field whose value holds its components' (a list of objects, an object).
     */
    private static void collect(String file, String formId, JsonNode components, List<FormField> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asString("");
            String path = component.path("path").asString("");
            if (("dynamiclist".equals(type) || "group".equals(type)) && !path.isBlank()) {
                List<FormField> children = new ArrayList<>();
                collect(file, formId, component.path("components"), children);
                JsonNode validate = component.path("validate");
                fields.add(new FormField(
                        path,
                        component.path("label").asString(path),
                        type,
                        validate.path("required").asBoolean(false),
                        List.of(),
                        null,
                        null,
                        null,
                        integer(validate, "maxLength"),
                        null,
                        null,
                        component.path("conditional").path("hide").asString(null),
                        children));
                continue;
            }
            if (component.path("components").isArray()) {
                collect(file, formId, component.path("components"), fields);
            }
            if (!FormField.INPUT_TYPES.contains(type)) {
                continue;
            }
            String key = component.path("key").asString("");
            if (key.isBlank()) {
                throw new FormException(
                        file, "form '" + formId + "': a " + type + " field has no \"key\" (the variable it sets)");
            }
            JsonNode validate = component.path("validate");
            List<Object> choices = new ArrayList<>();
            for (JsonNode choice : component.path("values")) {
                JsonNode value = choice.path("value");
                choices.add(
                        value.isNumber()
                                ? value.numberValue()
                                : value.isBoolean() ? value.booleanValue() : value.asString());
            }
            String label = component.path("label").asString(key);
            fields.add(new FormField(
                    key,
                    label,
                    type,
                    validate.path("required").asBoolean(false),
                    List.copyOf(choices),
                    number(validate, "min"),
                    number(validate, "max"),
                    integer(validate, "minLength"),
                    integer(validate, "maxLength"),
                    validate.path("pattern").isString()
                            ? validate.path("pattern").asString()
                            : null,
                    integer(component, "decimalDigits"),
                    component.path("conditional").path("hide").asString(null),
                    List.of()));
        }
    }

    private static Double number(JsonNode node, String name) {
        return node.path(name).isNumber() ? node.path(name).asDouble() : null;
    }

    private static Integer integer(JsonNode node, String name) {
        return node.path(name).isNumber() ? node.path(name).asInt() : null;
    }

    /** A {@code .form} file that cannot be used, named with the reason. */
    public static final class FormException extends IllegalArgumentException {
        private final String file;

        FormException(String file, String reason) {
            super(file + ": " + reason);
            this.file = file;
        }

        public String file() {
            return file;
        }
    }
}

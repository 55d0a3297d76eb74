package io.trainflow.workflows.forms;

import io.trainflow.workflows.feel.Feel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One input of a Camunda form (form-js schema): its key, component type, the static choices
 * of a radio/select/checklist/taglist, and its {@code validate} rules. Checks a submitted value
 * the way the form would have before submitting it, so a client that does not render the form
 * (REST, CLI) gets the same answer.
 */
public record FormField(
        String key,
        String label,
        String type,
        boolean required,
        List<Object> choices,
        Double min,
        Double max,
        Integer minLength,
        Integer maxLength,
        String pattern,
        Integer decimalDigits,
        String hideWhen,
        List<FormField> children) {

    public FormField {
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** A dynamic list ({@code dynamiclist}, a list of objects) or a group with a {@code path} (one object). */
    boolean nested() {
        return "dynamiclist".equals(type) || "group".equals(type);
    }

    /**
     * Every problem of a nested value by its path ({@code reviews[0].verdict}); an entry holds only the fields
     * its form lists. A dynamic list takes at most {@code validate.maxLength} entries when the form says so.
     */
    Map<String, String> nestedProblems(String path, boolean present, Object value, Feel feel) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (!present || value == null) {
            if (required) {
                problems.put(path, "is required (" + label + ")");
            }
            return problems;
        }
        if ("group".equals(type)) {
            entryProblems(path, value, feel, problems);
            return problems;
        }
        if (!(value instanceof List<?> entries)) {
            problems.put(path, "must be a list, got " + shown(value));
            return problems;
        }
        if (maxLength != null && entries.size() > maxLength) {
            problems.put(path, "must have at most " + maxLength + " entries, got " + entries.size());
            return problems;
        }
        for (int i = 0; i < entries.size(); i++) {
            entryProblems(path + "[" + i + "]", entries.get(i), feel, problems);
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private void entryProblems(String path, Object entry, Feel feel, Map<String, String> problems) {
        if (!(entry instanceof Map<?, ?> map)) {
            problems.put(
                    path,
                    "must be an object with "
                            + String.join(
                                    ", ", children.stream().map(FormField::key).toList()) + ", got " + shown(entry));
            return;
        }
        Map<String, Object> values = (Map<String, Object>) map;
        for (FormField child : children) {
            if (child.hidden(values, feel)) {
                if (values.get(child.key()) != null) {
                    problems.put(path + "." + child.key(), "is not asked for here (" + child.label() + ")");
                }
                continue;
            }
            String childPath = path + "." + child.key();
            if (child.nested()) {
                problems.putAll(child.nestedProblems(
                        childPath, values.containsKey(child.key()), values.get(child.key()), feel));
            } else {
                child.problem(values.containsKey(child.key()), values.get(child.key()))
                        .ifPresent(problem -> problems.put(childPath, problem));
            }
        }
        for (Object key : values.keySet()) {
            if (children.stream().noneMatch(c -> c.key().equals(key))) {
                problems.put(
                        path + "." + key,
                        "is not a field here (its fields: "
                                + String.join(
                                        ", ",
                                        children.stream().map(FormField::key).toList()) + ")");
            }
        }
    }

    /** Component types that submit a value; the others (text, image, separator...) do not. */
    static final List<String> INPUT_TYPES = List.of(
            "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "taglist", "datetime");

    /** Whether the field is hidden for these values ({@code conditional.hide}); hidden fields are not checked. */
    boolean hidden(Map<String, Object> values, Feel feel) {
        String expression = Feel.expressionOf(hideWhen);
        if (expression == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(feel.evaluate(expression, values));
        } catch (RuntimeException e) {
            return false; // a condition that cannot be evaluated shows the field, as form-js does
        }
    }

    /** What is wrong with the submitted value (absent = {@code present} false), or empty. */
    Optional<String> problem(boolean present, Object value) {
        if (!present
                || value == null
                || "".equals(value)
                || (value instanceof Collection<?> c && c.isEmpty())
                || ("checkbox".equals(type) && Boolean.FALSE.equals(value) && required)) {
            return required ? Optional.of("is required (" + label + ")") : Optional.empty();
        }
        return switch (type) {
            case "number" -> number(value);
            case "checkbox" ->
                value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false, got " + shown(value));
            case "checklist", "taglist" -> list(value);
            default -> text(value);
        };
    }

    private Optional<String> number(Object value) {
        if (!(value instanceof Number n)) {
            return Optional.of("must be a number, got " + shown(value));
        }
        double d = n.doubleValue();
        if (decimalDigits != null && decimalDigits == 0 && d != Math.rint(d)) {
            return Optional.of("must be a whole number, got " + shown(value));
        }
        if (min != null && d < min) {
            return Optional.of("must be at least " + plain(min) + ", got " + shown(value));
        }
        if (max != null && d > max) {
            return Optional.of("must be at most " + plain(max) + ", got " + shown(value));
        }
        return Optional.empty();
    }

    private Optional<String> list(Object value) {
        if (!(value instanceof Collection<?> items)) {
            return Optional.of("must be a list, got " + shown(value));
        }
        List<Object> unknown = new ArrayList<>();
        for (Object item : items) {
            if (!choices.isEmpty() && !choices.contains(item)) {
                unknown.add(item);
            }
        }
        return unknown.isEmpty() ? Optional.empty() : Optional.of("has " + unknown + ", not among " + choices);
    }

    private Optional<String> text(Object value) {
        if (!choices.isEmpty()) {
            return choices.contains(value)
                    ? Optional.empty()
                    : Optional.of("must be one of "
                            + String.join(
                                    ", ", choices.stream().map(String::valueOf).toList()) + ", got " + shown(value));
        }
        if (!(value instanceof String s)) {
            return Optional.of("must be text, got " + shown(value));
        }
        if (minLength != null && s.length() < minLength) {
            return Optional.of("must have at least " + minLength + " characters, got " + s.length());
        }
        if (maxLength != null && s.length() > maxLength) {
            return Optional.of("must have at most " + maxLength + " characters, got " + s.length());
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(s).find()) {
            return Optional.of("does not match the pattern " + pattern);
        }
        return Optional.empty();
    }

    /** A value as the message shows it: quoted text, cut short (it may be a long free text). */
    private static String shown(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof Collection<?>) {
            return "a list";
        }
        String text = String.valueOf(value);
        text = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        String kind = value instanceof Number ? "a number" : value instanceof Boolean ? "true/false" : "a value";
        return value instanceof String ? "'" + text + "'" : text + " (" + kind + ")";
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}

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
public record FormField(String key, String label, String type, boolean required, List<Object> choices,
                        Double min, Double max, Integer minLength, Integer maxLength, String pattern,
                        Integer decimalDigits, String hideWhen) {

    /** Component types that submit a value; the others (text, image, separator...) do not. */
    static final List<String> INPUT_TYPES = List.of("textfield", "textarea", "number", "checkbox", "checklist",
            "radio", "select", "taglist", "datetime");

    /** Whether the field is hidden for these values ({@code conditional.hide}); hidden fields are not checked. */
    boolean hidden(Map<String, Object> values, Feel feel) {
        String expression = Feel.expressionOf(hideWhen);
        if (expression == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(feel.evaluate(expression, values));
        } catch (RuntimeException e) {
            return false;  // a condition that cannot be evaluated shows the field, as form-js does
        }
    }

    /** What is wrong with the submitted value (absent = {@code present} false), or empty. */
    Optional<String> problem(boolean present, Object value) {
        if (!present || value == null || "".equals(value) || (value instanceof Collection<?> c && c.isEmpty())
                || ("checkbox".equals(type) && Boolean.FALSE.equals(value) && required)) {
            return required ? Optional.of("is required (" + label + ")") : Optional.empty();
        }
        return switch (type) {
            case "number" -> number(value);
            case "checkbox" -> value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false, got " + shown(value));
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
            return choices.contains(value) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", choices.stream().map(String::valueOf).toList())
                            + ", got " + shown(value));
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
        String text = String.valueOf(value);
        text = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return value instanceof String ? "'" + text + "'" : text + " (" + value.getClass().getSimpleName() + ")";
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}

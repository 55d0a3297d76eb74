package io.trainflow.plugin.web;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Names a JSON field and its problem from a Jackson error, in the caller's terms (no Java class names). */
final class JsonFields {

    private JsonFields() {}

    /** {@code requestedCourseIds[1]}, {@code variables.reviews}: the path as the caller wrote it. */
    static String path(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** The path of where a parser is ({@code variables.reviews[2]}), or {@code body} at the top. */
    static String path(TokenStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.push("[" + Math.max(0, at.getCurrentIndex()) + "]");
            } else if (at.currentName() != null) {
                parts.push(at.currentName());
            }
        }
        StringBuilder field = new StringBuilder();
        for (String part : parts) {
            field.append(field.isEmpty() || part.startsWith("[") ? "" : ".").append(part);
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    static String problem(DatabindException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException mismatched) {
            Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
            return "has the wrong type or format" + (target == null ? "" : ": expected " + expected(target));
        }
        return "cannot be read";
    }

    private static String expected(Class<?> target) {
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        if (target == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "a date-time like 2027-03-01T08:00:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(target)) {
            return "an object";
        }
        return "an object";
    }
}

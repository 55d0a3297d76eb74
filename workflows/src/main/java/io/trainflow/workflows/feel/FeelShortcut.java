package io.trainflow.workflows.feel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expressions most of a model's mappings are — a variable ({@code =employeeId}), a path into one
 * ({@code =profile.username}), a text or boolean literal, a path compared with one ({@code =decision = "approve"}), a
 * context of those ({@code ={requestId: requestId, day: 30}}) —
 * answered without the FEEL engine, whose every evaluation builds its contexts anew (a profile of the 1,000-person
 * lifecycle put 4.6 % of Trainflow's CPU there, mostly in such mappings). Only where the answer is certainly the
 * engine's: the variables are present and hold text, booleans, whole numbers, or maps and lists of those. Anything
 * else (a missing variable, a fraction, a date, an object) goes to the engine, so its rules and messages stay the
 * only ones.
 */
final class FeelShortcut {

    /** Words FEEL reads as syntax, never as a variable. */
    private static final Set<String> RESERVED = Set.of(
            "true",
            "false",
            "null",
            "and",
            "or",
            "not",
            "if",
            "then",
            "else",
            "for",
            "in",
            "return",
            "some",
            "every",
            "satisfies",
            "between",
            "instance",
            "of",
            "function",
            "external");

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
    private static final Pattern PATH = Pattern.compile(NAME + "(\\." + NAME + ")*");
    private static final Pattern TEXT = Pattern.compile("\"([^\"\\\\]*)\"");
    /** One entry of a context literal: {@code key: variable.path}, {@code key: "text"}, a whole number, a boolean. */
    private static final Pattern ENTRY = Pattern.compile(
            "\\G\\s*(" + NAME + ")\\s*:\\s*(\"[^\"\\\\]*\"|-?\\d{1,15}|" + NAME + "(?:\\." + NAME + ")*)\\s*(?:,|$)");

    private static final Pattern COMPARISON =
            Pattern.compile("(" + NAME + "(?:\\." + NAME + ")*)\\s*=\\s*(\"[^\"\\\\]*\"|true|false)");

    /** What an evaluation gives: empty when the engine must answer. */
    private interface Form {
        Optional<Object> apply(Feel.VariableLookup variables);
    }

    private static final Optional<Object> ENGINE = Optional.empty();
    /** Stands for a null answer in an Optional. */
    private static final Object NULL = new Object();

    private final Form form;

    private FeelShortcut(Form form) {
        this.form = form;
    }

    /** The shortcut for an expression (without {@code =}), or null when it has none. */
    static FeelShortcut of(String expression) {
        String text = expression.strip();
        Matcher literal = TEXT.matcher(text);
        if (literal.matches()) {
            return constant(literal.group(1));
        }
        if (text.equals("true") || text.equals("false")) {
            return constant(Boolean.valueOf(text));
        }
        if (PATH.matcher(text).matches() && !reserved(text)) {
            String[] path = text.split("\\.");
            return new FeelShortcut(variables -> plain(resolve(path, variables)));
        }
        if (text.startsWith("{") && text.endsWith("}")) {
            return context(text.substring(1, text.length() - 1));
        }
        Matcher comparison = COMPARISON.matcher(text);
        if (comparison.matches() && !reserved(comparison.group(1))) {
            String[] path = comparison.group(1).split("\\.");
            String right = comparison.group(2);
            Object expected = right.startsWith("\"") ? right.substring(1, right.length() - 1) : Boolean.valueOf(right);
            return new FeelShortcut(variables -> {
                Object actual = resolve(path, variables);
                // text with text, boolean with boolean: anything else (null, another type) is the engine's to rule on
                return actual != null && actual.getClass() == expected.getClass()
                        ? Optional.of(actual.equals(expected))
                        : ENGINE;
            });
        }
        return null;
    }

    /** A context literal whose every value is a shortcut ({@code {requestId: requestId, day: 30}}), or null. */
    private static FeelShortcut context(String body) {
        if (body.strip().endsWith(",")) {
            return null; // not FEEL: the engine says why
        }
        Map<String, FeelShortcut> entries = new java.util.LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(body);
        int end = 0;
        while (end < body.length() && entry.find() && entry.start() == end) {
            String value = entry.group(2);
            FeelShortcut shortcut = value.matches("-?\\d+") ? constant(Long.valueOf(value)) : of(value);
            if (shortcut == null || entries.put(entry.group(1), shortcut) != null) {
                return null; // a value the shortcut does not take, or a key twice: the engine's to rule on
            }
            end = entry.end();
        }
        if (end != body.length() && !body.isBlank()) {
            return null;
        }
        return new FeelShortcut(variables -> {
            Map<String, Object> built = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, FeelShortcut> e : entries.entrySet()) {
                Optional<Object> value = e.getValue().evaluate(variables);
                if (value.isEmpty()) {
                    return ENGINE;
                }
                built.put(e.getKey(), unwrap(value.get()));
            }
            return Optional.of(built);
        });
    }

    private static FeelShortcut constant(Object value) {
        Optional<Object> answer = Optional.of(value);
        return new FeelShortcut(variables -> answer);
    }

    /** The answer, or empty when the engine must give it. */
    Optional<Object> evaluate(Feel.VariableLookup variables) {
        return form.apply(variables);
    }

    private static boolean reserved(String path) {
        for (String part : path.split("\\.")) {
            if (RESERVED.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The value at the path; {@link #NULL} for a present null; null when a step of it is missing or not a map. */
    private static Object resolve(String[] path, Feel.VariableLookup variables) {
        if (!variables.has(path[0])) {
            return null;
        }
        Object value = variables.get(path[0]);
        for (int i = 1; i < path.length; i++) {
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(path[i])) {
                return null;
            }
            value = map.get(path[i]);
        }
        return value == null ? NULL : value;
    }

    private static Optional<Object> plain(Object value) {
        if (value == null) {
            return ENGINE;
        }
        if (value == NULL) {
            return Optional.of(NULL);
        }
        return exact(value) ? Optional.of(FeelValues.toPlain(value)) : ENGINE;
    }

    /** Null for a present null, the value otherwise. */
    static Object unwrap(Object answer) {
        return answer == NULL ? null : answer;
    }

    /** Values the engine gives back as they are (whole numbers as longs): no fraction, date or object inside. */
    private static boolean exact(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !exact(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!exact(item)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}

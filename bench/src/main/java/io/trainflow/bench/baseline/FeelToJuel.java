package io.trainflow.bench.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Translates the few FEEL forms the processes use into the JUEL a Flowable modeller would have
 * written. Anything else is refused, so the baseline never silently runs a different model.
 */
final class FeelToJuel {

    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern LITERAL = Pattern.compile("\"[^\"]*\"");
    private static final Pattern CONDITION = Pattern.compile("[A-Za-z0-9_.\" <>=!]+");

    private FeelToJuel() {}

    static String body(String feel) {
        String text = feel.strip();
        if (!text.startsWith("=")) {
            throw new IllegalArgumentException("not a FEEL expression: " + feel);
        }
        return text.substring(1).strip();
    }

    /** {@code =decision = "approve"} becomes <code>${decision == 'approve'}</code>. */
    static String condition(String feel) {
        String body = body(feel);
        if (!CONDITION.matcher(body).matches()) {
            throw new IllegalArgumentException("condition not translated: " + feel);
        }
        String juel = body.replace('"', '\'').replaceAll("(?<![<>!=])=(?!=)", "==");
        return "${" + juel + "}";
    }

    /**
     * A value: a string literal stays text, a variable path becomes <code>${path}</code>, a
     * concatenation becomes a composite expression, {@code []} the bean {@code emptyList}.
     */
    static String value(String feel) {
        String body = body(feel);
        if (body.equals("[]")) {
            return "${emptyList}";
        }
        if (body.equals("true") || body.equals("false")) {
            return "${" + body + "}";
        }
        List<String> parts = new ArrayList<>();
        for (String part : body.split("\\+")) {
            String p = part.strip();
            if (LITERAL.matcher(p).matches()) {
                parts.add(p.substring(1, p.length() - 1));
            } else if (PATH.matcher(p).matches()) {
                parts.add("${" + p + "}");
            } else {
                throw new IllegalArgumentException("value not translated: " + feel);
            }
        }
        return String.join("", parts);
    }

    /** A variable reference such as {@code =approver} or {@code =profile.managerUsername}. */
    static String reference(String feel) {
        String body = body(feel);
        if (!PATH.matcher(body).matches()) {
            throw new IllegalArgumentException("reference not translated: " + feel);
        }
        return "${" + body + "}";
    }

    /** The root variable names a condition reads. */
    static List<String> variablesOf(String feel) {
        List<String> names = new ArrayList<>();
        var m = PATH.matcher(body(feel).replaceAll("\"[^\"]*\"", ""));
        while (m.find()) {
            String root = m.group().split("\\.")[0];
            if (!List.of("true", "false", "null").contains(root) && !names.contains(root)) {
                names.add(root);
            }
        }
        return names;
    }
}

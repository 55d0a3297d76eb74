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
    private static final Pattern COUNT = Pattern.compile("\\bcount\\(\\s*(" + PATH.pattern() + ")\\s*\\)");
    private static final Pattern IF = Pattern.compile("if\\s+(.+?)\\s+then\\s+(.+?)\\s+else\\s+(.+)", Pattern.DOTALL);
    private static final List<String> KEYWORDS = List.of("true", "false", "null", "if", "then", "else");

    private FeelToJuel() {}

    static String body(String feel) {
        String text = feel.strip();
        if (!text.startsWith("=")) {
            throw new IllegalArgumentException("not a FEEL expression: " + feel);
        }
        return text.substring(1).strip();
    }

    /**
     * {@code =decision = "approve"} becomes <code>${decision == 'approve'}</code>; {@code
     * count(learningPath) > 0} becomes <code>${feel.count(learningPath) > 0}</code> ({@link
     * FeelFunctions}: null unless a list, and JUEL's {@code null > 0} is false, as FEEL's null
     * takes no flow).
     */
    static String condition(String feel) {
        return "${" + juelCondition(body(feel), feel) + "}";
    }

    private static String juelCondition(String body, String feel) {
        if (!CONDITION.matcher(COUNT.matcher(body).replaceAll("$1")).matches()) {
            throw new IllegalArgumentException("condition not translated: " + feel);
        }
        String juel = body.replace('"', '\'').replaceAll("(?<![<>!=])=(?!=)", "==");
        return optional(COUNT.matcher(juel).replaceAll("feel.count($1)"));
    }

    /**
     * A variable tested against null may be absent, which FEEL reads as null but a JUEL identifier
     * refuses: such a variable is read as <code>execution.getVariable('name')</code>, as a Flowable
     * modeller writes it.
     */
    private static String optional(String juel) {
        var tested = Pattern.compile("(?<![.\\w'])([A-Za-z_]\\w*)(?=\\s*[!=]=\\s*null\\b)")
                .matcher(juel);
        String result = juel;
        while (tested.find()) {
            String name = tested.group(1);
            if (!KEYWORDS.contains(name)) {
                result = result.replaceAll(
                        "(?<![.\\w'])" + name + "\\b(?!\\s*\\()", "execution.getVariable('" + name + "')");
            }
        }
        return result;
    }

    /**
     * A value: a string literal stays text, a variable path becomes <code>${path}</code>, a
     * concatenation becomes a composite expression, {@code []} the bean {@code emptyList}, {@code
     * if c then a else b} the ternary <code>${c ? a : b}</code> (FEEL takes the else branch when
     * the condition is null, as JUEL does), a concatenation inside it {@code feel.concat}.
     */
    static String value(String feel) {
        String body = body(feel);
        if (body.equals("[]")) {
            return "${emptyList}";
        }
        var choice = IF.matcher(body);
        if (choice.matches()) {
            return "${" + juelCondition(choice.group(1).strip(), feel) + " ? " + term(choice.group(2), feel) + " : "
                    + term(choice.group(3), feel) + "}";
        }
        if (body.equals("true") || body.equals("false")) {
            return "${" + body + "}";
        }
        if (body.replaceAll("\"[^\"]*\"", "").matches(".*[=<>].*")) {
            return "${" + juelCondition(body, feel) + "}"; // a comparison as a value: signedOff = true
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

    /** One branch of a ternary: a literal, a path, null, or their concatenation through {@code feel.concat}. */
    private static String term(String feel, String whole) {
        String result = null;
        for (String part : feel.split("\\+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String p = part.strip();
            String juel;
            if (LITERAL.matcher(p).matches() && !p.contains("'")) {
                juel = "'" + p.substring(1, p.length() - 1) + "'";
            } else if (PATH.matcher(p).matches() && !KEYWORDS.contains(p)) {
                juel = p;
            } else if (p.equals("null")) {
                juel = p;
            } else {
                throw new IllegalArgumentException("value not translated: " + whole);
            }
            result = result == null ? juel : "feel.concat(" + result + ", " + juel + ")";
        }
        return result;
    }

    /** A variable reference such as {@code =approver} or {@code =profile.managerUsername}. */
    static String reference(String feel) {
        String body = body(feel);
        if (!PATH.matcher(body).matches()) {
            throw new IllegalArgumentException("reference not translated: " + feel);
        }
        return "${" + body + "}";
    }

    /** The root variable names a condition reads (not the functions it calls). */
    static List<String> variablesOf(String feel) {
        List<String> names = new ArrayList<>();
        var m = PATH.matcher(body(feel).replaceAll("\"[^\"]*\"", "").replaceAll("[A-Za-z_]\\w*\\s*\\(", "("));
        while (m.find()) {
            String root = m.group().split("\\.")[0];
            if (!KEYWORDS.contains(root) && !names.contains(root)) {
                names.add(root);
            }
        }
        return names;
    }
}

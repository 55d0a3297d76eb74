package io.trainflow.connectors.ai.quiz;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads GIFT the way Moodle's qformat_gift::readquestion does for the two question types we export:
 * questions split at blank lines, comment lines dropped, escapes swapped for placeholders before any
 * parsing and swapped back after, name between "::", answers between the first "{" and the first "}",
 * "####" general feedback, "[format]" markers, "=" / "~" answers, T/TRUE/F/FALSE. A test oracle for our
 * escaping, independent of the exporter's code.
 */
public final class MoodleGiftReader {

    public record Read(
            String name,
            String type,
            String text,
            String format,
            List<String> right,
            List<String> wrong,
            Boolean answer,
            String generalFeedback) {}

    private static final String[] ESCAPED = {"\\:", "\\#", "\\=", "\\{", "\\}", "\\~", "\\n"};
    private static final String[] PLACEHOLDER = {"&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010"};
    private static final String[] CHARACTER = {":", "#", "=", "{", "}", "~", "\n"};

    public static List<Read> read(String gift) {
        List<Read> out = new ArrayList<>();
        for (String block : gift.split("\\n\\s*\\n")) {
            List<String> lines = new ArrayList<>();
            for (String line : block.split("\\n")) {
                lines.add(line.strip().startsWith("//") ? " " : line);
            }
            String text = String.join("\n", lines).strip();
            if (!text.isEmpty()) {
                out.add(question(text));
            }
        }
        return out;
    }

    private static Read question(String text) {
        text = pre(text);
        String name = null;
        if (text.startsWith("::")) {
            text = text.substring(2);
            int end = text.indexOf("::");
            name = post(text.substring(0, end));
            text = text.substring(end + 2).strip();
        }
        int start = text.indexOf('{');
        int finish = text.indexOf('}');
        String answers = text.substring(start + 1, finish).strip();
        String questionText = text.substring(0, start) + text.substring(finish + 1);
        String general = "";
        int gf = answers.lastIndexOf("####");
        if (gf >= 0) {
            general = answers.substring(gf + 4);
            answers = answers.substring(0, gf).strip();
        }
        String[] formatted = format(questionText);
        if (answers.contains("~")) {
            List<String> right = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (String a : answers.replace("=", "~=").split("~")) {
                a = a.strip();
                if (a.isEmpty()) {
                    continue;
                }
                boolean correct = a.startsWith("=");
                String answer = format(a.substring(correct ? 1 : 0).split("#", 2)[0])[1];
                (correct ? right : wrong).add(answer);
            }
            return new Read(name, "multichoice", formatted[1], formatted[0], right, wrong, null, format(general)[1]);
        }
        String tf = answers.split("#")[0].strip();
        if (!List.of("T", "TRUE", "F", "FALSE").contains(tf)) {
            throw new IllegalArgumentException("not a question type we export: " + answers);
        }
        return new Read(
                name,
                "truefalse",
                formatted[1],
                formatted[0],
                List.of(),
                List.of(),
                tf.startsWith("T"),
                format(general)[1]);
    }

    /** [format, text] as parse_text_with_format returns them. */
    private static String[] format(String raw) {
        String text = raw.strip();
        String format = "moodle";
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            String name = text.substring(1, end);
            if (List.of("moodle", "html", "plain", "markdown").contains(name)) {
                format = name;
                text = text.substring(end + 1);
            }
        }
        return new String[] {format, post(text).strip()};
    }

    private static String pre(String s) {
        s = s.replace("\\\\", "&&092;");
        for (int i = 0; i < ESCAPED.length; i++) {
            s = s.replace(ESCAPED[i], PLACEHOLDER[i]);
        }
        return s.replace("&&092;", "\\");
    }

    private static String post(String s) {
        for (int i = 0; i < PLACEHOLDER.length; i++) {
            s = s.replace(PLACEHOLDER[i], CHARACTER[i]);
        }
        return s;
    }
}

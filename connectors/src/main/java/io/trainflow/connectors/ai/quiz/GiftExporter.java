package io.trainflow.connectors.ai.quiz;

/**
 * Moodle GIFT text (question bank, Import, format "GIFT"). Escaping follows Moodle's own exporter
 * (qformat_gift::repchar): backslash, ~ = # { } : get a backslash, a line break becomes \n, so a
 * question never spans a blank line (GIFT separates questions by blank lines). A text starting with
 * "[" or "%" gets an explicit [plain] marker, because Moodle would read those as a format name or an
 * answer weight; [plain] also keeps AI-drafted text from being rendered as HTML.
 */
public final class GiftExporter {

    public String export(ApprovedQuiz quiz) {
        StringBuilder out = new StringBuilder();
        out.append("// Trainflow quiz for course ")
                .append(oneLine(quiz.courseTitle()))
                .append(" (")
                .append(oneLine(quiz.courseId()))
                .append(")\n");
        out.append("// approved by ")
                .append(oneLine(quiz.reviewer()))
                .append(" at ")
                .append(quiz.reviewedAt())
                .append("\n\n");
        for (QuizQuestion q : quiz.questions()) {
            out.append("::")
                    .append(escape(q.id()))
                    .append("::")
                    .append("[plain]")
                    .append(escape(q.stem()));
            if (q.type() == QuizQuestion.Type.TRUE_FALSE) {
                out.append(" {").append(q.answer() ? "TRUE" : "FALSE");
                out.append(feedback(q)).append("}\n\n");
                continue;
            }
            out.append(" {\n");
            for (QuizQuestion.Choice c : q.choices()) {
                out.append('\t')
                        .append(c.correct() ? '=' : '~')
                        .append(text(c.text()))
                        .append('\n');
            }
            if (!q.feedback().isEmpty()) {
                out.append("\t####").append(text(q.feedback())).append('\n');
            }
            out.append("}\n\n");
        }
        return out.toString();
    }

    private String feedback(QuizQuestion q) {
        return q.feedback().isEmpty() ? "" : "####" + text(q.feedback());
    }

    /** An answer or feedback text, with a [plain] marker where Moodle would misread the first character. */
    static String text(String s) {
        String escaped = escape(s.strip());
        return escaped.startsWith("[") || escaped.startsWith("%") ? "[plain]" + escaped : escaped;
    }

    /** Moodle's GIFT escaping of reserved characters and line breaks. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\', '~', '=', '#', '{', '}', ':' -> out.append('\\').append(ch);
                case '\n' -> out.append("\\n");
                case '\r' -> {}
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }
}

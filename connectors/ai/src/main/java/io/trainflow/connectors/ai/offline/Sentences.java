package io.trainflow.connectors.ai.offline;

import java.text.BreakIterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits feedback comments into sentences, whitespace collapsed, exact repeats dropped, order kept. */
public final class Sentences {

    private Sentences() {}

    public static List<String> of(List<String> comments) {
        Set<String> out = new LinkedHashSet<>();
        if (comments == null) {
            return List.of();
        }
        for (String comment : comments) {
            if (comment == null || comment.isBlank()) {
                continue;
            }
            String text = comment.strip().replaceAll("\\s+", " ");
            BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
            it.setText(text);
            for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String sentence = text.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    out.add(sentence);
                }
            }
        }
        return List.copyOf(out);
    }
}

package io.trainflow.connectors.sample;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The sample AI's transparent text similarity: lower-case word tokens without stop words and
 * with a light suffix strip (clusters = cluster, deploying = deploy), compared by overlap.
 * Anyone can check a score by hand, which is the point of the offline sample.
 */
final class TextSimilarity {

    private static final Set<String> STOP = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on",
            "or", "our", "the", "their", "this", "to", "with", "your", "all", "how", "what", "who", "you", "we", "new",
            "more", "very", "was", "were", "but", "not", "too", "so", "that", "my", "i", "me", "had", "have", "has",
            "some", "about", "also", "than", "then");

    private TextSimilarity() {}

    static Set<String> tokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        words(text).forEach(w -> out.add(stem(w)));
        return out;
    }

    /** The words behind the tokens, unstemmed, to quote them back to people. */
    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (raw.length() > 1 && !STOP.contains(raw)) {
                out.add(raw);
            }
        }
        return out;
    }

    static Set<String> tokens(Collection<String> texts) {
        Set<String> out = new LinkedHashSet<>();
        texts.forEach(t -> out.addAll(tokens(t)));
        return out;
    }

    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Jaccard index |a ∩ b| / |a ∪ b|, 0 when both are empty. */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> inter = new LinkedHashSet<>(a);
        inter.retainAll(b);
        return (double) inter.size() / (a.size() + b.size() - inter.size());
    }
}

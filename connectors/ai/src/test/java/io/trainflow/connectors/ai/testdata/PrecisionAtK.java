package io.trainflow.connectors.ai.testdata;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.CourseMatch;
import java.util.List;
import java.util.Locale;

/**
 * Ranking quality on the labelled gaps. precision@3 is reported two ways: the textbook one (relevant
 * courses in the top 3, divided by 3) and one divided by min(3, relevant courses) so a perfect ranker
 * scores 1 even where a gap has only one right course (most gaps here). hit@1: the top course is right.
 */
public record PrecisionAtK(
        double precisionAt3, double normalisedPrecisionAt3, double hitAt1, int gaps, List<String> misses) {

    public static PrecisionAtK measure(AiPort ai, List<Sample.LabelledGap> gaps, List<CourseCandidate> catalogue) {
        double p = 0;
        double np = 0;
        double hit = 0;
        List<String> misses = new java.util.ArrayList<>();
        for (Sample.LabelledGap g : gaps) {
            List<String> top = ai.rankCourses(g.need(), catalogue).value().stream()
                    .limit(3)
                    .map(CourseMatch::courseId)
                    .toList();
            long relevant = top.stream().filter(g.expected()::contains).count();
            p += relevant / 3.0;
            np += relevant / (double) Math.min(3, g.expected().size());
            hit += g.expected().contains(top.get(0)) ? 1 : 0;
            if (!g.expected().contains(top.get(0))) {
                misses.add(g.need().skillId() + ": expected " + g.expected() + ", top 3 " + top);
            }
        }
        int n = gaps.size();
        return new PrecisionAtK(p / n, np / n, hit / n, n, misses);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%d gaps: precision@3 %.3f, normalised precision@3 %.3f, hit@1 %.3f; misses %s",
                gaps,
                precisionAt3,
                normalisedPrecisionAt3,
                hitAt1,
                misses);
    }
}

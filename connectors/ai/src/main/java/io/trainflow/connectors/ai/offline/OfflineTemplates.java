package io.trainflow.connectors.ai.offline;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.SkillNeed;
import java.util.List;
import java.util.Locale;

/**
 * The deterministic texts of the offline engine. Each has a version recorded in the provenance; change
 * the version whenever the wording changes so the audit trail tells old and new texts apart.
 */
public final class OfflineTemplates {

    public static final String RANK = "offline-rank/1";
    public static final String EXPLAIN = "offline-explain/1";
    public static final String SUMMARY = "offline-extractive-summary/1";

    private OfflineTemplates() {}

    /** Names the gap the course closes and the similarity, so a manager can see why it is there. */
    public static String explain(SkillNeed need, CourseCandidate course, double similarity) {
        String levels = need.requiredLevel() > 0
                ? String.format(
                        Locale.ROOT, " (level %d, the role needs %d)", need.currentLevel(), need.requiredLevel())
                : "";
        return String.format(
                Locale.ROOT,
                "%s closes the %s gap%s: similarity %.2f between the gap and the course description.",
                course.title(),
                need.skillName(),
                levels,
                similarity);
    }

    public static String summary(List<String> sentences) {
        return sentences.isEmpty() ? "No feedback comments were given." : String.join(" ", sentences);
    }
}

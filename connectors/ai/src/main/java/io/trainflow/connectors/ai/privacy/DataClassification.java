package io.trainflow.connectors.ai.privacy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-field rule for what may leave the process towards an external model. Fields are named
 * "learner.name", "feedback.comments" and so on (see {@link #defaults}). A field nobody classified is
 * {@link Level#NEVER_SEND}: a new field has to be allowed out on purpose.
 */
public final class DataClassification {

    public enum Level {
        /** Sent as is (still passed through the pseudonymiser as a safety net). */
        PUBLIC,
        /** Sent only as pseudonyms. */
        PSEUDONYMISE,
        /** Never leaves the process; an operation that needs it runs offline instead. */
        NEVER_SEND
    }

    private final Map<String, Level> levels;

    private DataClassification(Map<String, Level> levels) {
        this.levels = Map.copyOf(levels);
    }

    public static DataClassification defaults() {
        Map<String, Level> m = new LinkedHashMap<>();
        m.put("course.title", Level.PUBLIC);
        m.put("course.summary", Level.PUBLIC);
        m.put("course.tags", Level.PUBLIC);
        m.put("skill.name", Level.PUBLIC);
        m.put("skill.description", Level.PUBLIC);
        m.put("skill.levels", Level.PUBLIC);
        m.put("role.name", Level.PUBLIC);
        m.put("session.dates", Level.PUBLIC);
        m.put("session.trainer", Level.PSEUDONYMISE);
        m.put("learner.name", Level.PSEUDONYMISE);
        m.put("learner.username", Level.PSEUDONYMISE);
        m.put("learner.email", Level.PSEUDONYMISE);
        m.put("learner.employeeId", Level.PSEUDONYMISE);
        m.put("learner.manager", Level.PSEUDONYMISE);
        m.put("learner.justification", Level.PSEUDONYMISE);
        m.put("feedback.comments", Level.PSEUDONYMISE);
        m.put("review.rating", Level.NEVER_SEND);
        return new DataClassification(m);
    }

    /** These defaults with {@code overrides} ("feedback.comments" to "NEVER_SEND", as configured) applied. */
    public DataClassification with(Map<String, String> overrides) {
        Map<String, Level> m = new LinkedHashMap<>(levels);
        overrides.forEach((field, level) -> m.put(
                field, Level.valueOf(level.strip().toUpperCase(Locale.ROOT).replace('-', '_'))));
        return new DataClassification(m);
    }

    public Level level(String field) {
        return levels.getOrDefault(field, Level.NEVER_SEND);
    }

    public boolean maySend(String field) {
        return level(field) != Level.NEVER_SEND;
    }
}

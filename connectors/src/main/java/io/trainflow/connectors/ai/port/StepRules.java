package io.trainflow.connectors.ai.port;

import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.ai.provenance.InputHash;
import io.trainflow.connectors.ai.provenance.Provenance;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The deterministic rules behind needs analysis and session matching: what every engine returns offline,
 * and the bounds within which a model may only re-order and explain.
 */
public final class StepRules {

    public static final String NEEDS_TEMPLATE = "rule-needs/1";
    public static final String SESSIONS_TEMPLATE = "rule-sessions/1";

    private StepRules() {}

    /** {@link #analyse} as produced by {@code engine} at {@code at}, with its provenance. */
    public static AiResult<NeedsAnalysis> needs(
            String engine, Instant at, String roleName, List<SkillNeed> requirements) {
        return new AiResult<>(
                analyse(roleName, requirements),
                Provenance.of(
                        engine,
                        NEEDS_TEMPLATE,
                        InputHash.of("analyseNeeds", roleName == null ? "" : roleName, requirements),
                        at));
    }

    /** {@link #earliest} as produced by {@code engine} at {@code at}, with its provenance. */
    public static AiResult<SessionMatch> sessions(
            String engine,
            Instant at,
            String courseId,
            String courseTitle,
            List<SessionOption> sessions,
            Instant now,
            Instant deadline) {
        return new AiResult<>(
                earliest(courseTitle, sessions, now, deadline),
                Provenance.of(
                        engine,
                        SESSIONS_TEMPLATE,
                        InputHash.of(
                                "matchSessions",
                                courseId,
                                sessions,
                                now.toString(),
                                deadline == null ? "" : deadline.toString()),
                        at));
    }

    /** The role's requirements the learner is below, largest gap first, then by skill id. */
    public static List<SkillNeed> gaps(List<SkillNeed> requirements) {
        return requirements.stream()
                .filter(r -> r.requiredLevel() > r.currentLevel())
                .sorted(Comparator.comparingInt((SkillNeed r) -> r.requiredLevel() - r.currentLevel())
                        .reversed()
                        .thenComparing(SkillNeed::skillId))
                .toList();
    }

    public static NeedsAnalysis analyse(String roleName, List<SkillNeed> requirements) {
        List<SkillNeed> gaps = gaps(requirements);
        String role = roleName == null || roleName.isBlank() ? "the role" : roleName;
        String text = gaps.isEmpty()
                ? "Meets every skill level " + role + " requires."
                : String.format(
                        Locale.ROOT,
                        "%d of the %d skills %s requires are below the required level: %s.",
                        gaps.size(),
                        requirements.size(),
                        role,
                        gaps.stream()
                                .map(g -> String.format(
                                        Locale.ROOT, "%s %d of %d", g.skillName(), g.currentLevel(), g.requiredLevel()))
                                .collect(Collectors.joining(", ")));
        return new NeedsAnalysis(gaps, text);
    }

    /** Sessions that can be taken: starting after {@code now}, with seats left, and starting before the deadline if any. */
    public static List<SessionOption> eligible(List<SessionOption> sessions, Instant now, Instant deadline) {
        return sessions.stream()
                .filter(s -> s.start().isAfter(now) && s.seatsLeft() > 0)
                .filter(s -> deadline == null || s.start().isBefore(deadline))
                .sorted(Comparator.comparing(SessionOption::start).thenComparing(SessionOption::sessionId))
                .toList();
    }

    /** Today's rule: the earliest eligible session. */
    public static SessionMatch earliest(
            String courseTitle, List<SessionOption> sessions, Instant now, Instant deadline) {
        List<SessionOption> eligible = eligible(sessions, now, deadline);
        if (eligible.isEmpty()) {
            return new SessionMatch(
                    List.of(),
                    "No upcoming session of " + courseTitle + " with seats left"
                            + (deadline == null ? "." : " before " + deadline + "."));
        }
        SessionOption first = eligible.get(0);
        return new SessionMatch(
                eligible.stream().map(SessionOption::sessionId).toList(),
                String.format(
                        Locale.ROOT,
                        "Earliest upcoming session of %s with seats left: %s on %s (%d seats).",
                        courseTitle,
                        first.sessionId(),
                        first.start(),
                        first.seatsLeft()));
    }
}

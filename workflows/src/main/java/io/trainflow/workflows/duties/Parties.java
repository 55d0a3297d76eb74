package io.trainflow.workflows.duties;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people of one request that separation of duties looks at, read from the request's variables
 * whichever engine runs it: who asked ({@value #REQUESTER}), the learner (the {@value #PROFILE}'s
 * username) and who decided which approval level, themselves or as a deputy ({@value #DECIDED}: a list
 * of {@code {level, by}}).
 */
public record Parties(String requester, String learner, List<Decision> decisions) {

    /** Variable naming who asked for the training (or started the quiz review, the campaign). */
    public static final String REQUESTER = "requestedBy";
    /** Variable holding the learner's profile; its {@code username} is the learner. */
    public static final String PROFILE = "profile";
    /** Variable listing who decided which approval level of the request, and whom a deputy stood in for. */
    public static final String DECIDED = "decidedBy";
    /** Variable naming whom the approver of this level stands in for (a delegation). */
    public static final String ON_BEHALF_OF = "approverOnBehalfOf";
    /** Variable naming the approval level a task decides (manager, ld, budget). */
    public static final String LEVEL = "level";

    /** {@code by} decided (or was stood in for at) approval level {@code level}; null level: unknown, counts for all. */
    public record Decision(String level, String by) {}

    public Parties {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /** From the variables as an engine hands them over (any of them may be missing). */
    public static Parties of(Object requester, Object profile, Object decidedBy) {
        String learner = profile instanceof Map<?, ?> map && map.get("username") instanceof String name ? name : null;
        List<Decision> decisions = new ArrayList<>();
        if (decidedBy instanceof Collection<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map && map.get("by") != null) {
                    decisions.add(new Decision(
                            map.get("level") == null ? null : String.valueOf(map.get("level")),
                            String.valueOf(map.get("by"))));
                } else if (entry != null) {
                    decisions.add(new Decision(null, String.valueOf(entry)));
                }
            }
        }
        return new Parties(requester instanceof String r ? r : null, learner, decisions);
    }

    /** Whether {@code user} decided a level of this request other than {@code level}. */
    public boolean decidedOtherLevel(String user, String level) {
        return decisions.stream()
                .anyMatch(d ->
                        d.by().equals(user) && (d.level() == null || !d.level().equals(level)));
    }

    /** Who decided a level other than {@code level}: never again for this request. */
    public Set<String> decidedOtherThan(String level) {
        Set<String> people = new LinkedHashSet<>();
        decisions.stream()
                .filter(d -> d.level() == null || !d.level().equals(level))
                .map(Decision::by)
                .forEach(people::add);
        return people;
    }

    /** {@value #DECIDED} after {@code user} decided {@code level} (as deputy of {@code onBehalfOf}, when not null). */
    public List<Map<String, Object>> decidedAfter(String level, String user, String onBehalfOf) {
        List<Map<String, Object>> after = new ArrayList<>();
        Set<Decision> seen = new LinkedHashSet<>(decisions);
        seen.add(new Decision(level, user));
        if (onBehalfOf != null && !onBehalfOf.isBlank()) {
            seen.add(new Decision(level, onBehalfOf));
        }
        for (Decision d : seen) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("level", d.level());
            entry.put("by", d.by());
            after.add(entry);
        }
        return after;
    }
}

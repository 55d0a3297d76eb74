package io.trainflow.connectors.moodle.catalogue;

import io.trainflow.connectors.moodle.MoodleCalls;
import io.trainflow.connectors.moodle.model.MoodleCourse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Trainflow's catalogue names its courses with its own ids and carries each course's Moodle
 * shortname (unique in Moodle, set by the course's author, stable when a course is restored
 * elsewhere, unlike the numeric id). The Moodle id of each is looked up by shortname
 * (core_course_get_courses_by_field, one call per course) on first use and kept for the life of
 * the process. A course the first look-up did not find (added to the catalogue since, or created in
 * Moodle since) is looked up again, with the catalogue read afresh, each time it is asked for.
 */
public final class MoodleCourseIds {

    private final MoodleCalls moodle;
    private final Supplier<Map<String, String>> catalogue;
    private Map<String, String> shortnames;
    private Map<String, Long> toMoodle;
    private Map<Long, String> toCatalogue;

    /** @param shortnames catalogue course id to Moodle shortname, fixed */
    public MoodleCourseIds(MoodleCalls moodle, Map<String, String> shortnames) {
        this(moodle, () -> shortnames);
    }

    /** @param catalogue reads catalogue course id to Moodle shortname (Trainflow's catalogue table) */
    public MoodleCourseIds(MoodleCalls moodle, Supplier<Map<String, String>> catalogue) {
        this.moodle = moodle;
        this.catalogue = catalogue;
    }

    public Optional<Long> moodleId(String catalogueId) {
        Long id = resolved().get(catalogueId);
        return id != null ? Optional.of(id) : lookUpAgain(catalogueId);
    }

    public Optional<String> catalogueId(long moodleId) {
        resolved();
        synchronized (this) {
            return Optional.ofNullable(toCatalogue.get(moodleId));
        }
    }

    public synchronized String shortname(String catalogueId) {
        resolved();
        return shortnames.get(catalogueId);
    }

    /** Catalogue courses (id to shortname) that have no Moodle course with their shortname. */
    public synchronized Map<String, String> unresolved() {
        Map<String, Long> found = resolved();
        Map<String, String> missing = new LinkedHashMap<>();
        shortnames.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(e -> !found.containsKey(e.getKey()))
                .forEach(e -> missing.put(e.getKey(), e.getValue()));
        return missing;
    }

    /** A Moodle course of the catalogue to probe the token's rights on, if any was found. */
    public synchronized Optional<Long> firstResolved() {
        return resolved().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private synchronized Map<String, Long> resolved() {
        if (toMoodle == null) {
            // kept only when every look-up answered: Moodle down at the first use is tried again at the next
            Map<String, String> names = Map.copyOf(catalogue.get());
            Map<String, Long> ids = new HashMap<>();
            Map<Long, String> back = new HashMap<>();
            names.forEach((catalogueId, shortname) -> lookUp(catalogueId, shortname, ids, back));
            shortnames = names;
            toCatalogue = back;
            toMoodle = ids;
        }
        return toMoodle;
    }

    private synchronized Optional<Long> lookUpAgain(String catalogueId) {
        Map<String, String> now = catalogue.get();
        if (!now.containsKey(catalogueId)) {
            return Optional.empty();
        }
        shortnames = Map.copyOf(now);
        lookUp(catalogueId, now.get(catalogueId), toMoodle, toCatalogue);
        return Optional.ofNullable(toMoodle.get(catalogueId));
    }

    private void lookUp(String catalogueId, String shortname, Map<String, Long> ids, Map<Long, String> back) {
        List<MoodleCourse> found = Optional.ofNullable(
                        moodle.courseByShortname(shortname).getCourses())
                .orElse(List.of());
        found.stream()
                .filter(c -> shortname.equals(c.getShortname()))
                .findFirst()
                .ifPresent(c -> {
                    ids.put(catalogueId, c.getId());
                    back.put(c.getId(), catalogueId);
                });
    }
}

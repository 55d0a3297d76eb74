package io.trainflow.connectors.moodle.catalogue;

import io.trainflow.connectors.moodle.MoodleCalls;
import io.trainflow.connectors.moodle.model.MoodleCourse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trainflow's catalogue names its courses with its own ids and carries each course's Moodle
 * shortname (unique in Moodle, set by the course's author, stable when a course is restored
 * elsewhere, unlike the numeric id). The Moodle id of each is looked up by shortname
 * (core_course_get_courses_by_field, one call per course) on first use and kept for the life of
 * the process. A failed look-up is not remembered, so the next use tries again.
 */
public final class MoodleCourseIds {

    private final MoodleCalls moodle;
    private final Map<String, String> shortnames;
    private Map<String, Long> toMoodle;
    private Map<Long, String> toCatalogue;

    /** @param shortnames catalogue course id to Moodle shortname */
    public MoodleCourseIds(MoodleCalls moodle, Map<String, String> shortnames) {
        this.moodle = moodle;
        this.shortnames = Map.copyOf(shortnames);
    }

    public Optional<Long> moodleId(String catalogueId) {
        return Optional.ofNullable(resolved().get(catalogueId));
    }

    public Optional<String> catalogueId(long moodleId) {
        resolved();
        return Optional.ofNullable(toCatalogue.get(moodleId));
    }

    public String shortname(String catalogueId) {
        return shortnames.get(catalogueId);
    }

    /** Catalogue courses (id to shortname) that have no Moodle course with their shortname. */
    public Map<String, String> unresolved() {
        Map<String, Long> found = resolved();
        Map<String, String> missing = new LinkedHashMap<>();
        shortnames.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(e -> !found.containsKey(e.getKey()))
                .forEach(e -> missing.put(e.getKey(), e.getValue()));
        return missing;
    }

    /** A Moodle course of the catalogue to probe the token's rights on, if any was found. */
    public Optional<Long> firstResolved() {
        return resolved().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private synchronized Map<String, Long> resolved() {
        if (toMoodle == null) {
            Map<String, Long> ids = new HashMap<>();
            Map<Long, String> back = new HashMap<>();
            shortnames.forEach((catalogueId, shortname) -> {
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
            });
            toCatalogue = back;
            toMoodle = ids;
        }
        return toMoodle;
    }
}

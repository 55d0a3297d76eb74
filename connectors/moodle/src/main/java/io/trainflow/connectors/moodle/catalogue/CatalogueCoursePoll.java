package io.trainflow.connectors.moodle.catalogue;

import io.trainflow.connectors.lms.CompletionPoll;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A Moodle {@link CompletionPoll} seen with the catalogue's course ids, like {@link CatalogueCourseLms}. */
public final class CatalogueCoursePoll implements CompletionPoll {

    private final CompletionPoll moodle;
    private final MoodleCourseIds ids;

    public CatalogueCoursePoll(CompletionPoll moodle, MoodleCourseIds ids) {
        this.moodle = moodle;
        this.ids = ids;
    }

    /** Catalogue courses with no Moodle course are never complete. */
    @Override
    public Set<Pair> completed(Map<String, Set<String>> waiting) {
        Map<String, Set<String>> inMoodle = new HashMap<>();
        waiting.forEach((username, courses) -> courses.forEach(c -> ids.moodleId(c)
                .ifPresent(id ->
                        inMoodle.computeIfAbsent(username, u -> new HashSet<>()).add(String.valueOf(id)))));
        Set<Pair> done = new HashSet<>();
        for (Pair p : moodle.completed(inMoodle)) {
            ids.catalogueId(Long.parseLong(p.courseId())).ifPresent(c -> done.add(new Pair(p.username(), c)));
        }
        return done;
    }
}

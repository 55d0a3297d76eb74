package io.trainflow.connectors.ai.embedding;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.provenance.InputHash;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text each side is embedded as. Tags are written as words ("secure-coding" becomes "secure coding")
 * because the tokenizer splits on hyphens anyway and plain words match the gap descriptions better.
 */
public final class CourseTexts {

    private CourseTexts() {}

    public static String course(CourseCandidate c) {
        String tags = c.tags().stream().map(t -> t.replace('-', ' ')).collect(Collectors.joining(", "));
        return nonNull(c.title()) + ". " + nonNull(c.summary()) + (tags.isEmpty() ? "" : ". Topics: " + tags);
    }

    public static String gap(SkillNeed need) {
        String description = nonNull(need.description());
        return nonNull(need.skillName()) + (description.isBlank() ? "" : ": " + description);
    }

    /** Key of one course's vector: a hash of the text embedded, so an edited summary is re-embedded. */
    public static String contentKey(CourseCandidate c) {
        return InputHash.sha256(course(c));
    }

    /** The catalogue version: a hash over the sorted content keys of every course in it. */
    public static String catalogueVersion(List<CourseCandidate> catalogue) {
        return InputHash.sha256(
                catalogue.stream().map(CourseTexts::contentKey).sorted().collect(Collectors.joining("\n")));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.strip();
    }
}

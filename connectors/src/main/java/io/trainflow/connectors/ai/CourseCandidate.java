package io.trainflow.connectors.ai;

import java.util.List;

/** A catalogue course that may be recommended, as text the ranker can read. */
public record CourseCandidate(String courseId, String title, String summary, List<String> tags) {

    public CourseCandidate {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}

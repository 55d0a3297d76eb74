package io.trainflow.connectors.lms;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The periodic completion poll: which of the courses learners are waiting on does the LMS report
 * complete. An LMS connector may answer it more cheaply than asking about every pair each time
 * (Moodle: only learners whose completion can have changed, see the Moodle connector).
 */
@FunctionalInterface
public interface CompletionPoll {

    /** A learner and a course they wait on. */
    record Pair(String username, String courseId) {}

    /** @param waiting username to the course ids that learner waits on; returns the complete pairs */
    Set<Pair> completed(Map<String, Set<String>> waiting);

    /** Every waiting learner asked about each time, one {@link LmsPort#completionStatus} per learner. */
    static CompletionPoll everyLearner(LmsPort lms) {
        return waiting -> {
            Set<Pair> done = new HashSet<>();
            waiting.forEach((username, courses) -> lms.completionStatus(List.of(username), courses).stream()
                    .filter(CompletionStatus::completed)
                    .forEach(s -> done.add(new Pair(s.username(), s.courseId()))));
            return done;
        };
    }
}

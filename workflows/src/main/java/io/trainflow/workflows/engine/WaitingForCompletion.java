package io.trainflow.workflows.engine;

import io.trainflow.connectors.lms.CompletionPoll;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request waiting for its learning path to be complete, as every engine adapter's completion poll reads it
 * ({@code ref} is the adapter's handle on the wait: an execution, an element instance), and the one rule saying which
 * waiting requests the LMS reports complete.
 */
public record WaitingForCompletion(String ref, String requestId, String username, List<String> courseIds) {

    /** The catch event in training-delivery.bpmn that waits for the learning path to be complete. */
    public static final String ELEMENT = "wait-completion";
    /** The message it waits for, keyed by the request id. */
    public static final String MESSAGE = "training-completed";
    /** The variables read from a waiting request. */
    public static final List<String> VARIABLES = List.of("requestId", "profile", "learningPath");

    /** The wait from the request's variables, or null when they do not say who waits for which courses. */
    public static WaitingForCompletion of(String ref, Map<String, Object> vars) {
        if (!(vars.get("profile") instanceof Map<?, ?> profile)
                || !(vars.get("learningPath") instanceof List<?> path)
                || vars.get("requestId") == null) {
            return null;
        }
        List<String> courses = new ArrayList<>();
        for (Object entry : path) {
            if (entry instanceof Map<?, ?> course && course.get("courseId") != null) {
                courses.add(String.valueOf(course.get("courseId")));
            }
        }
        return new WaitingForCompletion(
                ref, String.valueOf(vars.get("requestId")), String.valueOf(profile.get("username")), courses);
    }

    /** Those whose every course the LMS reports complete, asking it once about all the learners. */
    public static List<WaitingForCompletion> complete(List<WaitingForCompletion> waiting, CompletionPoll poll) {
        if (waiting.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> coursesByLearner = new LinkedHashMap<>();
        waiting.forEach(w -> coursesByLearner
                .computeIfAbsent(w.username(), u -> new HashSet<>())
                .addAll(w.courseIds()));
        Set<CompletionPoll.Pair> completed = poll.completed(coursesByLearner);
        return waiting.stream()
                .filter(w -> w.courseIds().stream()
                        .allMatch(c -> completed.contains(new CompletionPoll.Pair(w.username(), c))))
                .toList();
    }
}

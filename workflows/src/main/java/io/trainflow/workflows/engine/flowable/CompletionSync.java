package io.trainflow.workflows.engine.flowable;

import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.LmsPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.Execution;

/**
 * Moodle has no outbound webhooks: completion is polled in bulk (one LMS call for every
 * learner waiting) and {@code training-completed} is published for each request whose whole
 * learning path is complete.
 */
public final class CompletionSync {

    /** The catch event in training-delivery.bpmn that waits for the learning path to be complete. */
    public static final String WAITING_ELEMENT = "wait-completion";
    private static final String MESSAGE = "training-completed";

    private final RuntimeService runtime;
    private final MessageCorrelator messages;
    private final LmsPort lms;

    public CompletionSync(TrainflowEngine engine, LmsPort lms) {
        this.runtime = engine.flowable().getRuntimeService();
        this.messages = engine.messages();
        this.lms = lms;
    }

    /** Returns how many requests this poll found complete. */
    public int syncOnce() {
        List<Waiting> waiting = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        Set<String> courseIds = new HashSet<>();
        for (Execution execution : runtime.createExecutionQuery().activityId(WAITING_ELEMENT).list()) {
            Waiting w = Waiting.of(execution.getId(),
                    runtime.getVariables(execution.getId(), List.of("requestId", "profile", "learningPath")));
            if (w != null) {
                waiting.add(w);
                usernames.add(w.username());
                courseIds.addAll(w.courseIds());
            }
        }
        if (waiting.isEmpty()) {
            return 0;
        }
        Set<String> completed = new HashSet<>();
        for (CompletionStatus status : lms.completionStatus(usernames, courseIds)) {
            if (status.completed()) {
                completed.add(status.username() + "|" + status.courseId());
            }
        }
        int done = 0;
        for (Waiting w : waiting) {
            if (w.courseIds().stream().allMatch(c -> completed.contains(w.username() + "|" + c)) && publish(w)) {
                done++;
            }
        }
        return done;
    }

    /**
     * Delivers {@code training-completed} to the execution found waiting, without looking its
     * subscription up again; false if it has moved on since (a deadline fired, it was cancelled).
     */
    private boolean publish(Waiting w) {
        try {
            runtime.messageEventReceived(ZeebeMessageParseHandler.subscriptionName(MESSAGE, w.requestId()), w.executionId());
            return true;
        } catch (FlowableException movedOn) {
            return messages.correlate(MESSAGE, w.requestId(), Map.of()) > 0;
        }
    }

    private record Waiting(String executionId, String requestId, String username, List<String> courseIds) {
        static Waiting of(String executionId, Map<String, Object> vars) {
            if (!(vars.get("profile") instanceof Map<?, ?> profile) || !(vars.get("learningPath") instanceof List<?> path)
                    || vars.get("requestId") == null) {
                return null;
            }
            List<String> courses = new ArrayList<>();
            for (Object entry : path) {
                if (entry instanceof Map<?, ?> course && course.get("courseId") != null) {
                    courses.add(String.valueOf(course.get("courseId")));
                }
            }
            return new Waiting(executionId, String.valueOf(vars.get("requestId")), String.valueOf(profile.get("username")), courses);
        }
    }
}

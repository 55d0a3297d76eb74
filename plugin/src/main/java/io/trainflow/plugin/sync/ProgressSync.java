package io.trainflow.plugin.sync;

import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moodle has no outbound webhooks: completion is polled in bulk (one call for every learner
 * waiting) and {@code training-completed} is published for each request whose whole learning
 * path is complete.
 */
@Component
public class ProgressSync {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressSync.class);

    private final ProcessEngine engine;
    private final TrainflowEngine trainflow;
    private final LmsPort lms;

    public ProgressSync(TrainflowEngine trainflow, TrainflowPorts ports) {
        this.trainflow = trainflow;
        this.engine = trainflow.flowable();
        this.lms = ports.lms();
    }

    @Scheduled(fixedDelayString = "${trainflow.progress-sync:PT5M}", initialDelayString = "PT30S")
    public void scheduled() {
        try {
            syncOnce();
        } catch (RuntimeException e) {
            LOG.warn("Progress sync failed, will try at the next interval: {}", e.toString());
        }
    }

    /** Returns how many requests were completed by this sync. */
    public int syncOnce() {
        List<Waiting> waiting = new ArrayList<>();
        Set<String> usernames = new HashSet<>();
        Set<String> courseIds = new HashSet<>();
        for (Execution execution : engine.getRuntimeService().createExecutionQuery().activityId("wait-completion").list()) {
            Map<String, Object> vars = engine.getRuntimeService().getVariables(execution.getId(),
                    List.of("requestId", "profile", "learningPath"));
            Waiting w = Waiting.of(vars);
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
            if (w.courseIds().stream().allMatch(c -> completed.contains(w.username() + "|" + c))) {
                done += trainflow.messages().correlate("training-completed", w.requestId(), Map.of()) > 0 ? 1 : 0;
            }
        }
        if (done > 0) {
            LOG.info("Progress sync: {} request(s) completed their learning path", done);
        }
        return done;
    }

    private record Waiting(String requestId, String username, List<String> courseIds) {
        @SuppressWarnings("unchecked")
        static Waiting of(Map<String, Object> vars) {
            if (!(vars.get("profile") instanceof Map<?, ?> profile) || !(vars.get("learningPath") instanceof List<?> path)) {
                return null;
            }
            List<String> courses = new ArrayList<>();
            for (Object entry : path) {
                if (entry instanceof Map<?, ?> course && course.get("courseId") != null) {
                    courses.add(String.valueOf(course.get("courseId")));
                }
            }
            return new Waiting((String) vars.get("requestId"), (String) ((Map<String, Object>) profile).get("username"), courses);
        }
    }
}

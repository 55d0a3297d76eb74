package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.trainflow.connectors.lms.CompletionPoll;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The LMS's completions on Camunda 8, as the embedded engine's completion sync does them: the requests waiting at
 * {@value #WAITING_ELEMENT} are found on the cluster, the LMS is asked once about all their learners
 * ({@link CompletionPoll}), and {@value #MESSAGE} is published for each request whose whole learning path is complete,
 * keyed by the request id (with {@link CamundaMessages}' time to live and message id, so a second poll before the
 * request moved on publishes nothing new).
 */
public final class CamundaCompletionSync {

    /** The catch event in training-delivery.bpmn that waits for the learning path to be complete. */
    public static final String WAITING_ELEMENT = "wait-completion";
    static final String MESSAGE = "training-completed";
    private static final int MAX_WAITING = 10_000;

    private final CamundaClient client;
    private final CamundaVariables variables;
    private final CamundaMessages messages;
    private final CompletionPoll poll;

    public CamundaCompletionSync(CamundaClient client, CamundaMessages messages, CompletionPoll poll) {
        this.client = client;
        this.variables = new CamundaVariables(client);
        this.messages = messages;
        this.poll = poll;
    }

    /** Returns how many requests this poll found complete and published a message for. */
    public int syncOnce() {
        List<ElementInstance> found = CamundaErrors.translated(() -> client.newElementInstanceSearchRequest()
                .filter(f -> f.elementId(WAITING_ELEMENT).state(ElementInstanceState.ACTIVE))
                .page(p -> p.limit(MAX_WAITING)).send().join().items());
        List<Waiting> waiting = new ArrayList<>();
        Map<String, Set<String>> coursesByLearner = new LinkedHashMap<>();
        for (ElementInstance element : found) {
            Waiting w = Waiting.of(variables.of(element.getProcessInstanceKey(), element.getElementInstanceKey()));
            if (w != null) {
                waiting.add(w);
                coursesByLearner.computeIfAbsent(w.username(), u -> new HashSet<>()).addAll(w.courseIds());
            }
        }
        if (waiting.isEmpty()) {
            return 0;
        }
        Set<CompletionPoll.Pair> completed = poll.completed(coursesByLearner);
        int published = 0;
        for (Waiting w : waiting) {
            // a request the search still shows waiting after an earlier publish gets no second message
            if (w.courseIds().stream().allMatch(c -> completed.contains(new CompletionPoll.Pair(w.username(), c)))
                    && messages.publish(MESSAGE, w.requestId(), Map.of())) {
                published++;
            }
        }
        return published;
    }

    private record Waiting(String requestId, String username, List<String> courseIds) {
        static Waiting of(Map<String, Object> vars) {
            if (!(vars.get("profile") instanceof Map<?, ?> profile) || !(vars.get("learningPath") instanceof List<?> path)
                    || vars.get("requestId") == null || profile.get("username") == null) {
                return null;
            }
            List<String> courses = new ArrayList<>();
            for (Object entry : path) {
                if (entry instanceof Map<?, ?> course && course.get("courseId") != null) {
                    courses.add(String.valueOf(course.get("courseId")));
                }
            }
            return courses.isEmpty() ? null : new Waiting(String.valueOf(vars.get("requestId")),
                    String.valueOf(profile.get("username")), courses);
        }
    }
}

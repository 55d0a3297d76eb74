package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.trainflow.connectors.lms.CompletionPoll;
import io.trainflow.workflows.engine.WaitingForCompletion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The LMS's completions on Camunda 8, as the embedded engine's completion sync does them: the requests waiting at
 * {@value #WAITING_ELEMENT} are found on the cluster, the LMS is asked once about all their learners
 * ({@link CompletionPoll}), and {@value #MESSAGE} is published for each request whose whole learning path is complete,
 * keyed by the request id (with {@link CamundaMessages}' time to live and message id, so a second poll before the
 * request moved on publishes nothing new).
 */
public final class CamundaCompletionSync {

    /** The catch event in training-delivery.bpmn that waits for the learning path to be complete. */
    public static final String WAITING_ELEMENT = WaitingForCompletion.ELEMENT;

    static final String MESSAGE = WaitingForCompletion.MESSAGE;
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
                .page(p -> p.limit(MAX_WAITING))
                .send()
                .join()
                .items());
        List<WaitingForCompletion> waiting = new ArrayList<>();
        for (ElementInstance element : found) {
            WaitingForCompletion w = WaitingForCompletion.of(
                    String.valueOf(element.getElementInstanceKey()),
                    variables.of(element.getProcessInstanceKey(), element.getElementInstanceKey()));
            if (w != null) {
                waiting.add(w);
            }
        }
        int published = 0;
        for (WaitingForCompletion w : WaitingForCompletion.complete(waiting, poll)) {
            // a request the search still shows waiting after an earlier publish gets no second message
            if (messages.publish(MESSAGE, w.requestId(), Map.of())) {
                published++;
            }
        }
        return published;
    }
}

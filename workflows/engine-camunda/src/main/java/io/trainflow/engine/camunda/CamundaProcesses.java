package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.trainflow.workflows.engine.ProcessStarter;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts process instances on the cluster (a training request, a campaign, a quiz review) at the latest deployed
 * version: intake's {@link ProcessStarter} in {@code trainflow.engine=camunda8} mode.
 */
public final class CamundaProcesses implements ProcessStarter {

    /** The variable the inbox and the models find a request by (Zeebe has no business key). */
    static final String KEY_VARIABLE = "requestId";

    private final CamundaClient client;

    public CamundaProcesses(CamundaClient client) {
        this.client = client;
    }

    /**
     * Zeebe keeps no business key and no starter: the key travels as a variable — intake already names it
     * ({@code requestId}, a campaign's {@code programmeId}); when no variable holds it, it goes in as
     * {@code requestId}, the variable the inbox searches by. The starter is in intake's {@code requestedBy}.
     */
    @Override
    public Started start(String user, String processKey, String businessKey, Map<String, Object> variables) {
        Map<String, Object> sent = variables;
        if (businessKey != null && !variables.containsValue(businessKey)) {
            sent = new HashMap<>(variables);
            sent.put(KEY_VARIABLE, businessKey);
        }
        return new Started(start(processKey, sent), businessKey);
    }

    /** Starts {@code processId} with these variables; returns the instance's key. */
    public String start(String processId, Map<String, Object> variables) {
        return String.valueOf(CamundaErrors.translated(() -> client.newCreateInstanceCommand()
                .bpmnProcessId(processId)
                .latestVersion()
                .variables(variables)
                .send()
                .join()
                .getProcessInstanceKey()));
    }
}

package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import java.util.Map;

/** Starts process instances on the cluster (a training request, a campaign) at the latest deployed version. */
public final class CamundaProcesses {

    private final CamundaClient client;

    public CamundaProcesses(CamundaClient client) {
        this.client = client;
    }

    /** Starts {@code processId} with these variables; returns the instance's key. */
    public String start(String processId, Map<String, Object> variables) {
        return String.valueOf(CamundaErrors.translated(() -> client.newCreateInstanceCommand().bpmnProcessId(processId)
                .latestVersion().variables(variables).send().join().getProcessInstanceKey()));
    }
}

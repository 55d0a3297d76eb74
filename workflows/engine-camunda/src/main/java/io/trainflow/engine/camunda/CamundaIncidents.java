package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Instant;
import java.util.List;

/**
 * Incidents on the cluster (a step out of attempts, a configuration problem): listed, and resolved by giving the
 * job new attempts first (a job's incident resolved with none left would come straight back).
 */
public final class CamundaIncidents {

    private final CamundaClient client;

    public CamundaIncidents(CamundaClient client) {
        this.client = client;
    }

    /** The active incidents, oldest first, at most {@code max}. */
    public List<Open> list(int max) {
        return CamundaErrors.translated(() -> client.newIncidentSearchRequest()
                        .filter(f -> f.state(IncidentState.ACTIVE))
                        .sort(s -> s.creationTime().asc())
                        .page(p -> p.limit(max))
                        .send()
                        .join()
                        .items())
                .stream()
                .map(CamundaIncidents::open)
                .toList();
    }

    /** Gives the incident's job {@code retries} attempts and resolves it; the step runs again. */
    public void retry(String incidentKey, int retries) {
        long key = key(incidentKey);
        Incident incident = CamundaErrors.translated(
                () -> client.newIncidentGetRequest(key).send().join());
        if (incident.getJobKey() != null) {
            CamundaErrors.translated(() -> client.newUpdateRetriesCommand(incident.getJobKey())
                    .retries(Math.max(1, retries))
                    .send()
                    .join());
        }
        CamundaErrors.translated(
                () -> client.newResolveIncidentCommand(key).send().join());
    }

    private static long key(String incidentKey) {
        try {
            return Long.parseLong(incidentKey);
        } catch (NumberFormatException e) {
            throw new TrainflowProblem.NotFound("No incident with id " + incidentKey);
        }
    }

    private static Open open(Incident i) {
        return new Open(
                String.valueOf(i.getIncidentKey()),
                String.valueOf(i.getProcessInstanceKey()),
                i.getProcessDefinitionId(),
                i.getElementId(),
                i.getErrorType() == null ? null : i.getErrorType().name(),
                i.getErrorMessage(),
                i.getCreationTime() == null ? null : i.getCreationTime().toInstant(),
                i.getJobKey() == null ? null : String.valueOf(i.getJobKey()));
    }

    /** One active incident. */
    public record Open(
            String id,
            String processInstanceId,
            String processId,
            String elementId,
            String errorType,
            String message,
            Instant createdAt,
            String jobId) {}
}

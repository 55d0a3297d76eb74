package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.trainflow.workflows.engine.IncidentsPort;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Instant;
import java.util.List;

/**
 * Incidents on the cluster (a step out of attempts, a configuration problem): listed, and resolved by giving the
 * job new attempts first (a job's incident resolved with none left would come straight back). The admins'
 * incidents page reads them through {@link IncidentsPort}.
 */
public final class CamundaIncidents implements IncidentsPort {

    /** Incidents the admins' page lists at most. */
    static final int PAGE = 500;

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

    /** The admins' page: the active incidents, oldest first. */
    @Override
    public List<IncidentsPort.Incident> list() {
        return list(PAGE).stream().map(Open::forPage).toList();
    }

    @Override
    public IncidentsPort.Incident get(String id) {
        return open(fetch(id)).forPage();
    }

    /** The cluster keeps the error's type and message, no stack trace. */
    @Override
    public String details(String id) {
        Open incident = open(fetch(id));
        return (incident.errorType() == null ? "" : incident.errorType() + ": ")
                + (incident.message() == null ? "" : incident.message());
    }

    /** Gives the incident's job {@code retries} attempts and resolves it; the step runs again. */
    @Override
    public void retry(String incidentKey, int retries) {
        long key = key(incidentKey);
        io.camunda.client.api.search.response.Incident incident = fetch(incidentKey);
        if (incident.getJobKey() != null) {
            CamundaErrors.translated(() -> client.newUpdateRetriesCommand(incident.getJobKey())
                    .retries(Math.max(1, retries))
                    .send()
                    .join());
        }
        CamundaErrors.translated(
                () -> client.newResolveIncidentCommand(key).send().join());
    }

    private io.camunda.client.api.search.response.Incident fetch(String incidentKey) {
        long key = key(incidentKey);
        return CamundaErrors.translated(
                () -> client.newIncidentGetRequest(key).send().join());
    }

    private static long key(String incidentKey) {
        try {
            return Long.parseLong(incidentKey);
        } catch (NumberFormatException e) {
            throw new TrainflowProblem.NotFound("No incident with id " + incidentKey);
        }
    }

    /** The cluster's incident (its type shares the port's record's simple name). */
    private static Open open(io.camunda.client.api.search.response.Incident i) {
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
            String jobId) {

        /**
         * As the incidents page shows it: the cluster names no element name nor task type on an incident, so the
         * error's type ({@code JOB_NO_RETRIES}, {@code IO_MAPPING_ERROR}, …) stands in the type's place.
         */
        IncidentsPort.Incident forPage() {
            return new IncidentsPort.Incident(
                    id, processInstanceId, processId, elementId, null, errorType, message, createdAt);
        }
    }
}

package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.trainflow.connectors.claims.CourseClaims;
import io.trainflow.workflows.engine.ClaimedOpenRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link ClaimedOpenRequests} on the cluster: an employee's open requests are the active {@code training-request}
 * instances whose {@code employeeId} is theirs (process-instance search), each read for its request id and courses;
 * the claims stay in Trainflow's database under the employee's lock, as on the embedded engine, so intake's 409 and
 * {@code exclude-open-requests} see requests on the cluster.
 */
final class CamundaOpenRequests extends ClaimedOpenRequests {

    /** Open requests one search reads for one employee; a person has a handful. */
    private static final int MAX = 200;

    private final CamundaClient client;
    private final CamundaVariables variables;

    CamundaOpenRequests(CamundaClient client, CourseClaims claims) {
        super(claims);
        this.client = client;
        this.variables = new CamundaVariables(client);
    }

    @Override
    protected List<Running> running(String employeeId) {
        // the cluster compares a variable's stored JSON: a string is matched with its quotes
        String json = CamundaVariables.JSON.writeValueAsString(employeeId);
        List<ProcessInstance> found = CamundaErrors.translated(() -> client.newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionId(PROCESS)
                        .state(ProcessInstanceState.ACTIVE)
                        .variables(Map.of("employeeId", json)))
                .sort(s -> s.startDate().asc())
                .page(p -> p.limit(MAX))
                .send()
                .join()
                .items());
        List<Running> open = new ArrayList<>();
        for (ProcessInstance instance : found) {
            Running request = Running.of(variables.of(instance.getProcessInstanceKey(), null));
            if (request != null) {
                open.add(request);
            }
        }
        return open;
    }
}

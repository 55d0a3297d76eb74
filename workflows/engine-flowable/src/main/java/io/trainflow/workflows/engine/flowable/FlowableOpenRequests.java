package io.trainflow.workflows.engine.flowable;

import io.trainflow.connectors.claims.CourseClaims;
import io.trainflow.workflows.engine.ClaimedOpenRequests;
import java.util.ArrayList;
import java.util.List;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;

/** {@link ClaimedOpenRequests} on Flowable: running {@code training-request} instances by their {@code employeeId}. */
final class FlowableOpenRequests extends ClaimedOpenRequests {

    private final RuntimeService runtime;

    FlowableOpenRequests(RuntimeService runtime, CourseClaims claims) {
        super(claims);
        this.runtime = runtime;
    }

    @Override
    protected List<Running> running(String employeeId) {
        List<Running> open = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .variableValueEquals("employeeId", employeeId)
                .orderByStartTime()
                .asc()
                .list()) {
            Running request = Running.of(runtime.getVariables(instance.getId(), VARIABLES));
            if (request != null) {
                open.add(request);
            }
        }
        return open;
    }
}

package io.trainflow.workflows.engine.flowable;

import io.trainflow.connectors.claims.CourseClaims;
import io.trainflow.workflows.engine.ClaimedOpenRequests;
import java.util.ArrayList;
import java.util.List;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;

/**
 * {@link ClaimedOpenRequests} on Flowable: running {@code training-request} instances by their {@code employeeId},
 * found through {@link OpenRequestRows}.
 */
final class FlowableOpenRequests extends ClaimedOpenRequests {

    private final RuntimeService runtime;
    private final ManagementService management;

    FlowableOpenRequests(RuntimeService runtime, ManagementService management, CourseClaims claims) {
        super(claims);
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    protected List<Running> running(String employeeId) {
        List<Running> open = new ArrayList<>();
        for (String instance : OpenRequestRows.running(management, employeeId)) {
            Running request;
            try {
                request = Running.of(runtime.getVariables(instance, VARIABLES));
            } catch (FlowableObjectNotFoundException ended) {
                continue; // ended between the two reads
            }
            if (request != null) {
                open.add(request);
            }
        }
        return open;
    }
}

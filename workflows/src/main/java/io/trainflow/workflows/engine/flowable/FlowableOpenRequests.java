package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.api.OpenRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;

/** {@link OpenRequests} on Flowable: running {@code training-request} instances by their {@code employeeId}. */
final class FlowableOpenRequests implements OpenRequests {

    static final String PROCESS = "training-request";

    private final RuntimeService runtime;

    FlowableOpenRequests(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<OpenRequest> ofEmployee(String employeeId) {
        if (employeeId == null) {
            return List.of();
        }
        List<OpenRequest> open = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .variableValueEquals("employeeId", employeeId).orderByStartTime().asc().list()) {
            Map<String, Object> vars = runtime.getVariables(instance.getId(), List.of("requestId", "learningPath"));
            Object requestId = vars.get("requestId");
            if (requestId != null) {
                open.add(new OpenRequest(String.valueOf(requestId), courseIds(vars.get("learningPath"))));
            }
        }
        return open;
    }

    private static List<String> courseIds(Object path) {
        List<String> ids = new ArrayList<>();
        if (path instanceof List<?> courses) {
            for (Object course : courses) {
                if (course instanceof Map<?, ?> c && c.get("courseId") != null) {
                    ids.add(String.valueOf(c.get("courseId")));
                }
            }
        }
        return ids;
    }
}

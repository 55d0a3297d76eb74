package io.trainflow.workflows.engine.flowable;

import io.trainflow.connectors.claims.CourseClaims;
import io.trainflow.workflows.api.OpenRequests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;

/**
 * {@link OpenRequests} on Flowable: running {@code training-request} instances by their {@code employeeId}; the
 * courses each holds are its claims ({@link CourseClaims}, taken under the employee's row lock). A request checked
 * before claims were kept (it has {@code linkedRequests} but no claim) holds its learning path.
 */
final class FlowableOpenRequests implements OpenRequests {

    static final String PROCESS = "training-request";

    private final RuntimeService runtime;
    private final CourseClaims claims;

    FlowableOpenRequests(RuntimeService runtime, CourseClaims claims) {
        this.runtime = runtime;
        this.claims = claims;
    }

    /** A running request as its variables show it. */
    private record Running(String requestId, boolean checked, List<String> path, List<String> wished) {}

    @Override
    public List<OpenRequest> ofEmployee(String employeeId) {
        Map<String, String> claimed = claims.of(employeeId == null ? "" : employeeId);
        List<OpenRequest> open = new ArrayList<>();
        for (Running request : running(employeeId)) {
            List<String> held = claimed.entrySet().stream()
                    .filter(c -> c.getValue().equals(request.requestId()))
                    .map(Map.Entry::getKey)
                    .toList();
            open.add(new OpenRequest(
                    request.requestId(),
                    held.isEmpty() && !claimed.containsValue(request.requestId()) && request.checked()
                            ? request.path()
                            : held));
        }
        return open;
    }

    /** What the others hold, and what a request not yet checked asked for by name (a request sent twice). */
    @Override
    public Map<String, String> heldElsewhere(String employeeId, String requestId) {
        Map<String, String> held = OpenRequests.super.heldElsewhere(employeeId, requestId);
        for (Running other : running(employeeId)) {
            if (!other.requestId().equals(requestId) && !other.checked()) {
                other.wished().forEach(course -> held.putIfAbsent(course, other.requestId()));
            }
        }
        return held;
    }

    @Override
    public Map<String, String> claim(String employeeId, String requestId, List<String> courseIds) {
        return claims.claim(employeeId, requestId, courseIds, () -> {
            // inside the employee's lock: the requests open now, with the path of those checked before claims
            Map<String, List<String>> others = new LinkedHashMap<>();
            for (Running other : running(employeeId)) {
                if (!other.requestId().equals(requestId)) {
                    others.put(other.requestId(), other.checked() ? other.path() : List.of());
                }
            }
            return others;
        });
    }

    private List<Running> running(String employeeId) {
        if (employeeId == null) {
            return List.of();
        }
        List<Running> open = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .variableValueEquals("employeeId", employeeId)
                .orderByStartTime()
                .asc()
                .list()) {
            Map<String, Object> vars = runtime.getVariables(
                    instance.getId(), List.of("requestId", "learningPath", "linkedRequests", "requestedCourseIds"));
            Object requestId = vars.get("requestId");
            if (requestId != null) {
                open.add(new Running(
                        String.valueOf(requestId),
                        vars.get("linkedRequests") != null,
                        courseIds(vars.get("learningPath")),
                        strings(vars.get("requestedCourseIds"))));
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

    private static List<String> strings(Object list) {
        return list instanceof List<?> values
                ? values.stream().filter(v -> v != null).map(String::valueOf).toList()
                : List.of();
    }
}

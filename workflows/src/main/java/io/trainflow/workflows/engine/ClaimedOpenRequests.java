package io.trainflow.workflows.engine;

import io.trainflow.connectors.claims.CourseClaims;
import io.trainflow.workflows.api.OpenRequests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link OpenRequests} for any engine: the engine adapter says which {@code training-request} instances of an
 * employee are running ({@link #running}); the courses each holds are its claims ({@link CourseClaims}, taken under
 * the employee's row lock in Trainflow's database, so two nodes or two engines never both keep a course). A request
 * checked before claims were kept (it has {@code linkedRequests} but no claim) holds its learning path.
 */
public abstract class ClaimedOpenRequests implements OpenRequests {

    /** The process whose running instances are a person's open requests. */
    public static final String PROCESS = "training-request";

    /** The variables {@link Running#of} reads. */
    public static final List<String> VARIABLES =
            List.of("requestId", "learningPath", "linkedRequests", "requestedCourseIds");

    private final CourseClaims claims;

    protected ClaimedOpenRequests(CourseClaims claims) {
        this.claims = claims;
    }

    /** The employee's running training requests, oldest first (never called with null). */
    protected abstract List<Running> running(String employeeId);

    /** A running request as its variables show it. */
    public record Running(String requestId, boolean checked, List<String> path, List<String> wished) {

        /** From the instance's variables ({@link #VARIABLES}); null when it has no request id. */
        public static Running of(Map<String, Object> vars) {
            Object requestId = vars.get("requestId");
            if (requestId == null) {
                return null;
            }
            return new Running(
                    String.valueOf(requestId),
                    vars.get("linkedRequests") != null,
                    courseIds(vars.get("learningPath")),
                    strings(vars.get("requestedCourseIds")));
        }
    }

    @Override
    public List<OpenRequest> ofEmployee(String employeeId) {
        Map<String, String> claimed = claims.of(employeeId == null ? "" : employeeId);
        List<OpenRequest> open = new ArrayList<>();
        for (Running request : runningOf(employeeId)) {
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
        for (Running other : runningOf(employeeId)) {
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
            for (Running other : runningOf(employeeId)) {
                if (!other.requestId().equals(requestId)) {
                    others.put(other.requestId(), other.checked() ? other.path() : List.of());
                }
            }
            return others;
        });
    }

    private List<Running> runningOf(String employeeId) {
        return employeeId == null ? List.of() : running(employeeId);
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

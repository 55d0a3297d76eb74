package io.trainflow.workflows.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training requests still running, as the engine knows them: an engine-neutral view the engine adapter gives
 * steps (through {@link StepContext#openRequests()}) and intake, so a request can tell which courses another open
 * request of the same employee already holds (one open request per employee and course).
 */
public interface OpenRequests {

    /**
     * One running training request.
     *
     * @param courseIds the courses it holds; empty while it has not been checked yet
     */
    record OpenRequest(String requestId, List<String> courseIds) {

        public OpenRequest {
            courseIds = courseIds == null ? List.of() : List.copyOf(courseIds);
        }
    }

    /** The employee's running training requests, oldest first. */
    List<OpenRequest> ofEmployee(String employeeId);

    /**
     * For intake: the courses the employee's other open requests hold or asked for by name (course id -> the oldest
     * such request), so a request naming one of them is refused at once. {@code requestId} may be null.
     */
    default Map<String, String> heldElsewhere(String employeeId, String requestId) {
        Map<String, String> held = new LinkedHashMap<>();
        for (OpenRequest other : ofEmployee(employeeId)) {
            if (!other.requestId().equals(requestId)) {
                other.courseIds().forEach(course -> held.putIfAbsent(course, other.requestId()));
            }
        }
        return held;
    }

    /**
     * Check and claim in one step: the courses of {@code courseIds} another open request of the employee holds
     * (course id -> that request) are refused; the rest become this request's. An engine adapter does it under a
     * lock on the employee that every node takes, so two requests checked at the same moment never both keep a
     * course; this default (no lock, nothing kept) is for a handler's unit test.
     */
    default Map<String, String> claim(String employeeId, String requestId, List<String> courseIds) {
        Map<String, String> held = heldElsewhere(employeeId, requestId);
        held.keySet().retainAll(courseIds);
        return held;
    }

    /** Outside an engine (a handler's unit test): nothing is running. */
    OpenRequests NONE = employeeId -> List.of();
}

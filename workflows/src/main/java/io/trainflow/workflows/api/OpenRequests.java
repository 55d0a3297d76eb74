package io.trainflow.workflows.api;

import java.util.List;

/**
 * Training requests still running, as the engine knows them: an engine-neutral view the engine adapter gives
 * steps (through {@link StepContext#openRequests()}), so a request can tell which courses another open request
 * of the same employee already holds.
 */
public interface OpenRequests {

    /**
     * One running training request.
     *
     * @param courseIds the course ids of its learning path; empty while it has not been ranked yet
     */
    record OpenRequest(String requestId, List<String> courseIds) {

        public OpenRequest {
            courseIds = courseIds == null ? List.of() : List.copyOf(courseIds);
        }
    }

    /** The employee's running training requests, oldest first. */
    List<OpenRequest> ofEmployee(String employeeId);

    /** Outside an engine (a handler's unit test): nothing is running. */
    OpenRequests NONE = employeeId -> List.of();
}

package io.trainflow.workflows.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Process instances running or ended, as Trainflow reads them: requests, quiz reviews, their audit trail. */
public interface ProcessHistoryPort {

    /** The instance started with this business key (of this process, when {@code processKey} is given). */
    Optional<ProcessRecord> byBusinessKey(String processKey, String businessKey);

    /** Instances of a process whose variable has this value, newest first, at most {@code max}. */
    List<ProcessRecord> byVariable(String processKey, String variable, Object value, int max);

    /** The instance's variables as they are now (or were when it ended). */
    Map<String, Object> variables(String processInstanceId);

    /** The BPMN XML the instance runs. */
    String modelXml(String processDefinitionId);

    /** The elements the instance waits in now (empty once ended). */
    List<String> activeElements(String processInstanceId);

    /** The elements (and flows) it has passed. */
    List<String> passedElements(String processInstanceId);

    /** The user tasks of a request (ended or open, of processes it called included) with their comments. */
    List<TaskRecord> tasksOfRequest(String requestId);

    /** Names of the open tasks of a request. */
    List<String> openTaskNames(String requestId);

    /** Whether the user completed one of the request's tasks. */
    boolean decidedTaskOf(String user, String requestId);

    /** Ends a running instance with this reason; {@code TrainflowProblem.Conflict} if it has already ended. */
    void cancel(String processInstanceId, String reason);

    /** One process instance; {@code deleteReason} says why it was closed early, {@code parentId} the one that called it. */
    record ProcessRecord(
            String id,
            String processKey,
            String processDefinitionId,
            String businessKey,
            Instant started,
            Instant ended,
            String endElementId,
            String deleteReason,
            String parentId) {}

    /** A user task of a request and the comments made on it, by type ({@code decision}, routing notes). */
    record TaskRecord(
            String id, String name, String elementId, Instant ended, String deleteReason, List<Comment> comments) {}

    /** One comment: when, by whom, its type and text. */
    record Comment(Instant time, String userId, String type, String text) {}
}

package io.trainflow.workflows.notify.tasks;

import io.trainflow.workflows.duties.Parties;
import io.trainflow.workflows.duties.Step;
import java.util.Objects;

/**
 * A user task that people should hear about, as the engine adapter sees it: what happened to it ({@link Kind}),
 * the task, and the request's parties and the task's step (who may act is separation of duties' rule).
 *
 * @param requestId the request's id, shown in the message (may be null)
 * @param learner   the learner's display name, shown in the message (may be null); never logged
 */
public record TaskNotice(
        Kind kind, String taskId, String taskName, String requestId, String learner, Parties parties, Step step) {

    /** Why the people are told: a new task, a task whose due date passed, a task escalated to them. */
    public enum Kind {
        CREATED,
        DUE,
        ESCALATED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A notice as any engine adapter builds it: the request id and the learner's name from the task's variables. */
    public static TaskNotice of(
            Kind kind,
            String taskId,
            String taskName,
            java.util.Map<String, Object> variables,
            Parties parties,
            Step step) {
        String learner = variables.get(Parties.PROFILE) instanceof java.util.Map<?, ?> profile
                        && profile.get("displayName") != null
                ? String.valueOf(profile.get("displayName"))
                : null;
        Object requestId = variables.get("requestId");
        return new TaskNotice(
                kind, taskId, taskName, requestId == null ? null : String.valueOf(requestId), learner, parties, step);
    }

    public TaskNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(step, "step");
    }
}

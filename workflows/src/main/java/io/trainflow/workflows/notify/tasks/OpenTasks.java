package io.trainflow.workflows.notify.tasks;

import java.time.Instant;
import java.util.List;

/** What the notification dispatcher asks the engine about tasks (engine-neutral; the adapter answers). */
public interface OpenTasks {

    /** Whether the task is still open (a notification of a closed task is not sent). */
    boolean open(String taskId);

    /** How many open tasks the person may act on (many: their notifications wait for the daily digest). */
    long countFor(String user);

    /** Open tasks whose due date passed in {@code [from, to)}, oldest first, at most {@code max}. */
    List<TaskNotice> dueBetween(Instant from, Instant to, int max);

    /**
     * Open tasks created in {@code [from, to)} that the engine did not take in as it created them, oldest first, at
     * most {@code max}: an external engine's (Camunda 8). Each is first routed as the embedded engine routes a task it
     * creates (separation of duties; nobody left who may decide it: {@code hr-fallback}), then returned for the
     * "new task" notice. The embedded engine does both in the transaction that creates a task, so it has none here.
     */
    default List<TaskNotice> takeInNew(Instant from, Instant to, int max) {
        return List.of();
    }
}

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
     * Open tasks created in {@code [from, to)} that the engine did not announce as it created them, oldest first, at
     * most {@code max}: an external engine's (Camunda 8). The embedded engine announces each new task in the
     * transaction that creates it, so it has none here.
     */
    default List<TaskNotice> createdBetween(Instant from, Instant to, int max) {
        return List.of();
    }
}

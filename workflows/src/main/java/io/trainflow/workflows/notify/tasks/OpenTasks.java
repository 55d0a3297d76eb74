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
}

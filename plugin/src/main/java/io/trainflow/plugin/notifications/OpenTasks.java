package io.trainflow.plugin.notifications;

import io.trainflow.workflows.notify.tasks.TaskNotice;
import java.time.Instant;
import java.util.List;

/** What the dispatcher asks the engine about tasks. */
public interface OpenTasks {

    /** Whether the task is still open (a notification of a closed task is not sent). */
    boolean open(String taskId);

    /** How many open tasks the person may act on (many: their notifications wait for the daily digest). */
    long countFor(String user);

    /** Open tasks whose due date passed in {@code [from, to)}, oldest first, at most {@code max}. */
    List<TaskNotice> dueBetween(Instant from, Instant to, int max);
}

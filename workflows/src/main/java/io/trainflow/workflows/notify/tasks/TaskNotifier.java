package io.trainflow.workflows.notify.tasks;

import java.sql.Connection;

/**
 * The port an engine adapter tells about user tasks. It is called inside the transaction that creates (or
 * escalates) the task, with that transaction's connection, so what it records commits or rolls back with the
 * task: a notification is neither lost in a crash nor sent for a task that never was.
 */
@FunctionalInterface
public interface TaskNotifier {

    /** Nobody is told (an engine without notifications, e.g. in unit tests). */
    TaskNotifier NONE = (notice, transaction) -> {};

    void notice(TaskNotice notice, Connection transaction);
}

package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.notify.tasks.OpenTasks;
import io.trainflow.workflows.notify.tasks.TaskNotice;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** {@link OpenTasks} from the embedded engine. */
public final class FlowableOpenTasks implements OpenTasks {

    private final TrainflowEngine engine;
    private final UserTasks tasks;

    public FlowableOpenTasks(TrainflowEngine engine, Directory directory) {
        this.engine = engine;
        this.tasks = new UserTasks(engine.flowable(), directory);
    }

    @Override
    public boolean open(String taskId) {
        return engine.flowable()
                        .getTaskService()
                        .createTaskQuery()
                        .taskId(taskId)
                        .active()
                        .count()
                > 0;
    }

    @Override
    public long countFor(String user) {
        return tasks.visibleUnordered(user).count();
    }

    @Override
    public List<TaskNotice> dueBetween(Instant from, Instant to, int max) {
        return engine
                .flowable()
                .getTaskService()
                .createTaskQuery()
                .active()
                .taskDueAfter(Date.from(from))
                .taskDueBefore(Date.from(to))
                .orderByDueDateNullsLast()
                .asc()
                .orderByTaskId()
                .asc()
                .listPage(0, max)
                .stream()
                .map(task -> engine.notice(task, TaskNotice.Kind.DUE))
                .toList();
    }
}

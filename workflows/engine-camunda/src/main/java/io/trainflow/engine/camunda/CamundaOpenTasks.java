package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.trainflow.workflows.notify.tasks.OpenTasks;
import io.trainflow.workflows.notify.tasks.TaskNotice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@link OpenTasks} on the cluster, for the notification dispatcher's reminders: whether a task is still open, how
 * many a person may act on (the daily digest), and the open tasks whose due date passed (user-task search by due
 * date). The "new task" and "escalated" notices the embedded engine gives from a task listener as a task is created
 * have no counterpart here (a {@code zeebe:taskListener} and its worker would be needed).
 */
final class CamundaOpenTasks implements OpenTasks {

    private final CamundaClient client;
    private final CamundaUserTasks tasks;

    CamundaOpenTasks(CamundaClient client, CamundaUserTasks tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    @Override
    public boolean open(String taskId) {
        return tasks.find(taskId)
                .filter(t -> t.getState() == UserTaskState.CREATED)
                .isPresent();
    }

    @Override
    public long countFor(String user) {
        return tasks.countVisible(user);
    }

    @Override
    public List<TaskNotice> dueBetween(Instant from, Instant to, int max) {
        return CamundaErrors.translated(() -> client.newUserTaskSearchRequest()
                        .filter(f -> f.state(UserTaskState.CREATED)
                                .dueDate(d ->
                                        d.gte(from.atOffset(ZoneOffset.UTC)).lt(to.atOffset(ZoneOffset.UTC))))
                        .sort(s -> s.dueDate().asc().creationDate().asc())
                        .page(p -> p.limit(max))
                        .send()
                        .join()
                        .items())
                .stream()
                .map(task -> tasks.notice(task, TaskNotice.Kind.DUE))
                .toList();
    }
}

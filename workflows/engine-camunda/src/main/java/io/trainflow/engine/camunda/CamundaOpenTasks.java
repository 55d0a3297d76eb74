package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.trainflow.workflows.notify.tasks.OpenTasks;
import io.trainflow.workflows.notify.tasks.TaskNotice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link OpenTasks} on the cluster, for the notification dispatcher's reminders: whether a task is still open, how
 * many a person may act on (the daily digest), and the open tasks whose due date passed (user-task search by due
 * date), and the open tasks created since the last look (user-task search by creation date): routed as the embedded
 * engine routes a task it creates, and announced with the "new task" notice, or the "escalated" one when the task's
 * previous instance ran out of time ({@link CamundaEscalations}).
 */
final class CamundaOpenTasks implements OpenTasks {

    private static final int PAGE = 100;

    private final CamundaClient client;
    private final CamundaUserTasks tasks;
    private final CamundaEscalations escalations;

    CamundaOpenTasks(CamundaClient client, CamundaUserTasks tasks) {
        this.client = client;
        this.tasks = tasks;
        this.escalations = new CamundaEscalations(client);
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

    /**
     * Page by page: after an outage (of Trainflow or the cluster) every task created meanwhile is routed and
     * announced; a task routed before (it has its {@code routingNote}) is left as it is.
     */
    @Override
    public List<TaskNotice> takeInNew(Instant from, Instant to, int max) {
        List<TaskNotice> created = new ArrayList<>();
        while (created.size() < max) {
            int offset = created.size();
            int size = Math.min(PAGE, max - offset);
            List<UserTask> page = CamundaErrors.translated(() -> client.newUserTaskSearchRequest()
                    .filter(f -> f.state(UserTaskState.CREATED)
                            .creationDate(
                                    d -> d.gte(from.atOffset(ZoneOffset.UTC)).lt(to.atOffset(ZoneOffset.UTC))))
                    .sort(s -> s.creationDate().asc())
                    .page(p -> p.from(offset).limit(size))
                    .send()
                    .join()
                    .items());
            for (UserTask task : page) {
                UserTask routed = tasks.route(task);
                created.add(tasks.notice(
                        routed, escalations.escalated(routed) ? TaskNotice.Kind.ESCALATED : TaskNotice.Kind.CREATED));
            }
            if (page.size() < size) {
                break;
            }
        }
        return created;
    }
}

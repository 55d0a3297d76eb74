package io.trainflow.plugin.inbox;

import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.api.TasksApi;
import io.trainflow.plugin.api.model.Task;
import io.trainflow.plugin.api.model.TaskCompletion;
import io.trainflow.plugin.security.CurrentUser;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** REST face of the inbox ({@code config/openapi/trainflow-api.yaml}). */
@RestController
public class TasksController implements TasksApi {

    static final int DEFAULT_PAGE = 100;

    private final TaskInbox inbox;
    private final AccessAudit audit;

    public TasksController(TaskInbox inbox, AccessAudit audit) {
        this.inbox = inbox;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<List<Task>> listTasks(Integer first, Integer max) {
        int size = max == null ? DEFAULT_PAGE : max;
        InboxPage page = inbox.page(CurrentUser.name(), first == null ? 0 : first, size);
        audit.record(CurrentUser.name(), "read-inbox", page.tasks().size() + " tasks from " + (first == null ? 0 : first));
        var response = ResponseEntity.ok();
        if (page.next() != null) {
            response.header(HttpHeaders.LINK, "</api/tasks?first=" + page.next() + "&max=" + size + ">; rel=\"next\"");
        }
        return response.body(page.tasks().stream().map(TasksController::toApi).toList());
    }

    @Override
    public ResponseEntity<Task> getTask(String taskId) {
        Task task = toApi(inbox.task(CurrentUser.name(), taskId));
        audit.record(CurrentUser.name(), "read-task", taskId);
        return ResponseEntity.ok(task);
    }

    @Override
    public ResponseEntity<Void> completeTask(String taskId, TaskCompletion completion) {
        inbox.complete(CurrentUser.name(), taskId, completion == null ? null : completion.getVariables());
        audit.record(CurrentUser.name(), "decide", taskId);
        return ResponseEntity.noContent().build();
    }

    public static Task toApi(InboxTask t) {
        return new Task(t.id(), t.name(), t.elementId(), t.processInstanceId(), t.created().atOffset(ZoneOffset.UTC))
                .processKey(t.processKey()).assignee(t.assignee()).candidateGroups(t.candidateGroups())
                .requestId(t.requestId()).employeeId(t.employeeId()).requestedBy(t.requestedBy()).context(t.context())
                .formId(t.formId()).form(t.form());
    }
}

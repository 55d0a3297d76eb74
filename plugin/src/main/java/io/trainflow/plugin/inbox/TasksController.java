package io.trainflow.plugin.inbox;

import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.api.TasksApi;
import io.trainflow.plugin.api.model.BulkDecision;
import io.trainflow.plugin.api.model.BulkDecisionResult;
import io.trainflow.plugin.api.model.Task;
import io.trainflow.plugin.api.model.TaskCompletion;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.engine.InboxFilter;
import io.trainflow.workflows.engine.InboxPage;
import io.trainflow.workflows.engine.InboxTask;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** REST face of the inbox ({@code config/openapi/trainflow-api.yaml}). */
@RestController
public class TasksController implements TasksApi {

    static final int DEFAULT_PAGE = 100;

    private final TaskInbox inbox;
    private final AccessAudit audit;
    private final BulkDecisions decisions;

    public TasksController(TaskInbox inbox, AccessAudit audit, BulkDecisions decisions) {
        this.inbox = inbox;
        this.audit = audit;
        this.decisions = decisions;
    }

    @Override
    public ResponseEntity<List<Task>> listTasks(
            Integer first,
            Integer max,
            String taskType,
            String due,
            String department,
            String campaign,
            String employee,
            String after) {
        int size = max == null ? DEFAULT_PAGE : max;
        InboxFilter filter = new InboxFilter(taskType, due, department, campaign, employee);
        boolean cursor = after != null && !after.isBlank();
        if (cursor && first != null && first != 0) { // 0 is the contract's default for an absent 'first'
            throw new TrainflowProblem.InvalidInput("after", "give either 'first' or 'after', not both");
        }
        InboxPage page = cursor
                ? inbox.pageAfter(CurrentUser.name(), after, size, filter)
                : inbox.page(CurrentUser.name(), first == null ? 0 : first, size, filter);
        audit.record(
                CurrentUser.name(),
                "read-inbox",
                page.tasks().size() + " tasks " + (cursor ? "after a cursor" : "from " + (first == null ? 0 : first)));
        var response = ResponseEntity.ok();
        if (page.next() != null) {
            // the cursor when the engine gives one (keyset paging), else the position
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/api/tasks");
            if (page.after() != null) {
                link.queryParam("after", page.after());
            } else {
                link.queryParam("first", page.next());
            }
            String next = link.queryParam("max", size)
                    .queryParamIfPresent("taskType", present(taskType))
                    .queryParamIfPresent("due", present(due))
                    .queryParamIfPresent("department", present(department))
                    .queryParamIfPresent("campaign", present(campaign))
                    .queryParamIfPresent("employee", present(employee))
                    .encode()
                    .build()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page.tasks().stream().map(TasksController::toApi).toList());
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    @Override
    public ResponseEntity<Void> claimTask(String taskId) {
        inbox.claim(CurrentUser.name(), taskId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> unclaimTask(String taskId) {
        inbox.unclaim(CurrentUser.name(), taskId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<BulkDecisionResult> decideTasks(BulkDecision body) {
        return ResponseEntity.ok(decisions.decide(CurrentUser.name(), body.getTaskIds(), body.getVariables()));
    }

    @Override
    public ResponseEntity<Task> getTask(String taskId) {
        Task task = toApi(inbox.task(CurrentUser.name(), taskId));
        audit.record(CurrentUser.name(), "read-task", taskId);
        return ResponseEntity.ok(task);
    }

    @Override
    public ResponseEntity<Void> completeTask(String taskId, TaskCompletion completion) {
        inbox.complete(
                CurrentUser.name(), taskId, completion == null ? null : completion.getVariables()); // audited with it
        return ResponseEntity.noContent().build();
    }

    public static Task toApi(InboxTask t) {
        return new Task(
                        t.id(),
                        t.name(),
                        t.elementId(),
                        t.processInstanceId(),
                        t.created().atOffset(ZoneOffset.UTC))
                .processKey(t.processKey())
                .assignee(t.assignee())
                .candidateGroups(t.candidateGroups())
                .requestId(t.requestId())
                .employeeId(t.employeeId())
                .requestedBy(t.requestedBy())
                .context(t.context())
                .formId(t.formId())
                .form(t.form())
                .due(t.dueDate() == null ? null : t.dueDate().atOffset(ZoneOffset.UTC))
                .employee(t.employee())
                .campaign(t.campaign())
                .dueDate(t.dueDate() == null ? null : t.dueDate().atOffset(ZoneOffset.UTC))
                .followUpDate(t.followUpDate() == null ? null : t.followUpDate().atOffset(ZoneOffset.UTC))
                .priority(t.priority())
                .overdue(t.overdue());
    }
}

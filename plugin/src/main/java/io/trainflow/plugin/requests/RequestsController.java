package io.trainflow.plugin.requests;

import io.trainflow.plugin.api.RequestsApi;
import io.trainflow.plugin.api.model.AuditEntry;
import io.trainflow.plugin.api.model.Campaign;
import io.trainflow.plugin.api.model.RequestStatus;
import io.trainflow.plugin.api.model.Started;
import io.trainflow.plugin.api.model.TrainingRequest;
import io.trainflow.plugin.access.Access;
import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.inbox.InboxTask;
import io.trainflow.plugin.inbox.TaskInbox;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.intake.Intake;
import java.time.ZoneOffset;
import java.util.List;
import org.flowable.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** REST face of intake and request status. */
@RestController
public class RequestsController implements RequestsApi {

    private final Intake requests;
    private final RequestHistory history;
    private final TaskInbox inbox;
    private final Access access;
    private final AccessAudit audit;

    public RequestsController(Intake requests, RequestHistory history, TaskInbox inbox, Access access, AccessAudit audit) {
        this.requests = requests;
        this.history = history;
        this.inbox = inbox;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<Started> startRequest(TrainingRequest body) {
        ProcessInstance started = requests.request(CurrentUser.name(), body.getEmployeeId(), body.getJustification(),
                body.getRequestedCourseIds());
        audit.record(CurrentUser.name(), "start-request", started.getBusinessKey());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Started(started.getId(), started.getBusinessKey()));
    }

    @Override
    public ResponseEntity<Started> startCampaign(Campaign body) {
        ProcessInstance started = requests.campaign(CurrentUser.name(), body.getDepartment());
        audit.record(CurrentUser.name(), "start-campaign", started.getBusinessKey());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Started(started.getId(), started.getBusinessKey()));
    }

    @Override
    public ResponseEntity<RequestStatus> getRequest(String requestId) {
        String user = CurrentUser.name();
        RequestHistory.Status status = history.of(requestId);
        List<InboxTask> open = inbox.tasksOf(user, requestId);
        if (!access.maySeeRequest(user, requestId, (String) status.variables().get("requestedBy"),
                (String) status.variables().get("employeeId"), !open.isEmpty())) {
            throw RequestHistory.notFound(requestId); // exactly as for an unknown id
        }
        audit.record(user, "read-request", requestId);
        RequestStatus body = new RequestStatus(requestId, status.active() ? RequestStatus.StateEnum.ACTIVE : RequestStatus.StateEnum.ENDED)
                .variables(status.variables());
        status.decisions().forEach(e -> body.addDecisionsItem(new AuditEntry(e.time().atOffset(ZoneOffset.UTC), e.actor(), e.action())
                .elementId(e.elementId()).details(e.details())));
        open.forEach(t -> body.addOpenTasksItem(io.trainflow.plugin.inbox.TasksController.toApi(t)));
        inbox.waitingOn(requestId).forEach(t -> body.addWaitingOnItem(io.trainflow.plugin.inbox.TasksController.toApi(t)));
        return ResponseEntity.ok(body);
    }
}

package io.trainflow.plugin.requests;

import io.trainflow.plugin.api.RequestsApi;
import io.trainflow.plugin.api.model.AuditEntry;
import io.trainflow.plugin.api.model.Campaign;
import io.trainflow.plugin.api.model.RequestStatus;
import io.trainflow.plugin.api.model.Started;
import io.trainflow.plugin.api.model.TrainingRequest;
import io.trainflow.plugin.inbox.TaskInbox;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.intake.Intake;
import java.time.ZoneOffset;
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

    public RequestsController(Intake requests, RequestHistory history, TaskInbox inbox) {
        this.requests = requests;
        this.history = history;
        this.inbox = inbox;
    }

    @Override
    public ResponseEntity<Started> startRequest(TrainingRequest body) {
        ProcessInstance started = requests.request(CurrentUser.name(), body.getEmployeeId(), body.getJustification(),
                body.getRequestedCourseIds());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Started(started.getId(), started.getBusinessKey()));
    }

    @Override
    public ResponseEntity<Started> startCampaign(Campaign body) {
        ProcessInstance started = requests.campaign(CurrentUser.name(), body.getDepartment());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Started(started.getId(), started.getBusinessKey()));
    }

    @Override
    public ResponseEntity<RequestStatus> getRequest(String requestId) {
        RequestHistory.Status status = history.of(requestId);
        RequestStatus body = new RequestStatus(requestId, status.active() ? RequestStatus.StateEnum.ACTIVE : RequestStatus.StateEnum.ENDED)
                .variables(status.variables());
        status.decisions().forEach(e -> body.addDecisionsItem(new AuditEntry(e.time().atOffset(ZoneOffset.UTC), e.actor(), e.action())
                .elementId(e.elementId()).details(e.details())));
        inbox.tasksOf(CurrentUser.name(), requestId)
                .forEach(t -> body.addOpenTasksItem(io.trainflow.plugin.inbox.TasksController.toApi(t)));
        inbox.waitingOn(requestId).forEach(t -> body.addWaitingOnItem(io.trainflow.plugin.inbox.TasksController.toApi(t)));
        return ResponseEntity.ok(body);
    }
}

package io.trainflow.plugin.requests;

import io.trainflow.plugin.access.Access;
import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.api.RequestsApi;
import io.trainflow.plugin.api.model.AuditEntry;
import io.trainflow.plugin.api.model.Campaign;
import io.trainflow.plugin.api.model.ProcessDiagram;
import io.trainflow.plugin.api.model.RequestStatus;
import io.trainflow.plugin.api.model.RequestSummary;
import io.trainflow.plugin.api.model.Started;
import io.trainflow.plugin.api.model.TrainingRequest;
import io.trainflow.plugin.inbox.TaskInbox;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.engine.InboxTask;
import io.trainflow.workflows.engine.ProcessStarter;
import io.trainflow.workflows.intake.Intake;
import java.time.ZoneOffset;
import java.util.List;
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
    private final Withdrawals withdrawals;
    private final People people;

    public RequestsController(
            Intake requests,
            RequestHistory history,
            TaskInbox inbox,
            Access access,
            AccessAudit audit,
            Withdrawals withdrawals,
            People people) {
        this.requests = requests;
        this.history = history;
        this.inbox = inbox;
        this.access = access;
        this.audit = audit;
        this.withdrawals = withdrawals;
        this.people = people;
    }

    @Override
    public ResponseEntity<Started> startRequest(TrainingRequest body) {
        ProcessStarter.Started started = requests.request(
                CurrentUser.name(), body.getEmployeeId(), body.getJustification(), body.getRequestedCourseIds());
        audit.record(CurrentUser.name(), "start-request", started.businessKey());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Started(started.id(), started.businessKey()));
    }

    @Override
    public ResponseEntity<Started> startCampaign(Campaign body) {
        ProcessStarter.Started started = requests.campaign(CurrentUser.name(), body.getDepartment());
        audit.record(CurrentUser.name(), "start-campaign", started.businessKey());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Started(started.id(), started.businessKey()));
    }

    @Override
    public ResponseEntity<List<RequestSummary>> listMyRequests(Integer max) {
        String user = CurrentUser.name();
        String employeeId = people.employeeIdOf(user).orElse(null);
        return ResponseEntity.ok(
                history.mine(user, employeeId, max == null ? 50 : Math.max(1, Math.min(max, 200))).stream()
                        .map(r -> new RequestSummary(
                                        r.requestId(),
                                        r.active() ? RequestSummary.StateEnum.ACTIVE : RequestSummary.StateEnum.ENDED,
                                        r.started().atOffset(ZoneOffset.UTC))
                                .ended(r.ended() == null ? null : r.ended().atOffset(ZoneOffset.UTC))
                                .status(r.outcome())
                                .employeeId(r.employeeId())
                                .requestedBy(r.requestedBy())
                                .justification(r.justification())
                                .waitingFor(r.waitingFor()))
                        .toList());
    }

    @Override
    public ResponseEntity<Void> withdrawRequest(String requestId) {
        withdrawals.withdraw(CurrentUser.name(), requestId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<ProcessDiagram> getRequestDiagram(String requestId) {
        String user = CurrentUser.name();
        visible(user, requestId, inbox.tasksOf(user, requestId), "read-request-diagram");
        RequestHistory.Diagram diagram = history.diagramOf(requestId);
        return ResponseEntity.ok(
                new ProcessDiagram(diagram.processKey(), diagram.xml(), diagram.active(), diagram.completed()));
    }

    @Override
    public ResponseEntity<RequestStatus> getRequest(String requestId) {
        String user = CurrentUser.name();
        List<InboxTask> open = inbox.tasksOf(user, requestId);
        RequestHistory.Status status = visible(user, requestId, open, "read-request");
        RequestStatus body = new RequestStatus(
                        requestId, status.active() ? RequestStatus.StateEnum.ACTIVE : RequestStatus.StateEnum.ENDED)
                .variables(status.variables());
        status.decisions()
                .forEach(e ->
                        body.addDecisionsItem(new AuditEntry(e.time().atOffset(ZoneOffset.UTC), e.actor(), e.action())
                                .elementId(e.elementId())
                                .details(e.details())));
        open.forEach(t -> body.addOpenTasksItem(io.trainflow.plugin.inbox.TasksController.toApi(t)));
        inbox.waitingOn(requestId)
                .forEach(t -> body.addWaitingOnItem(io.trainflow.plugin.inbox.TasksController.toApi(t)));
        return ResponseEntity.ok(body);
    }

    /** The request's status when the user may see it (audited), else the same 404 as for an unknown id. */
    private RequestHistory.Status visible(String user, String requestId, List<InboxTask> open, String read) {
        RequestHistory.Status status = history.of(requestId);
        if (!access.maySeeRequest(
                user,
                requestId,
                (String) status.variables().get("requestedBy"),
                (String) status.variables().get("employeeId"),
                !open.isEmpty())) {
            throw RequestHistory.notFound(requestId);
        }
        audit.record(user, read, requestId);
        return status;
    }
}

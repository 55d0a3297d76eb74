package io.trainflow.plugin.requests;

import io.trainflow.plugin.api.RequestsApi;
import io.trainflow.plugin.api.model.AuditEntry;
import io.trainflow.plugin.api.model.Campaign;
import io.trainflow.plugin.api.model.Me;
import io.trainflow.plugin.api.model.ProcessDiagram;
import io.trainflow.plugin.api.model.RequestSummary;
import io.trainflow.plugin.api.model.RequestStatus;
import io.trainflow.plugin.api.model.Started;
import io.trainflow.plugin.api.model.TrainingRequest;
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
    private final Withdrawals withdrawals;
    private final People people;

    public RequestsController(Intake requests, RequestHistory history, TaskInbox inbox, Withdrawals withdrawals, People people) {
        this.requests = requests;
        this.history = history;
        this.inbox = inbox;
        this.withdrawals = withdrawals;
        this.people = people;
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
    public ResponseEntity<List<RequestSummary>> listMyRequests(Integer max) {
        String user = CurrentUser.name();
        String employeeId = people.employeeIdOf(user).orElse(null);
        return ResponseEntity.ok(history.mine(user, employeeId, max == null ? 50 : Math.max(1, Math.min(max, 200))).stream()
                .map(r -> new RequestSummary(r.requestId(), r.active() ? RequestSummary.StateEnum.ACTIVE : RequestSummary.StateEnum.ENDED,
                        r.started().atOffset(ZoneOffset.UTC)).ended(r.ended() == null ? null : r.ended().atOffset(ZoneOffset.UTC))
                        .status(r.outcome()).employeeId(r.employeeId()).requestedBy(r.requestedBy()).justification(r.justification())
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
        RequestHistory.Diagram diagram = history.diagramOf(requestId);
        return ResponseEntity.ok(new ProcessDiagram(diagram.processKey(), diagram.xml(), diagram.active(), diagram.completed()));
    }

    @Override
    public ResponseEntity<Me> getMe() {
        return ResponseEntity.ok(people.me(CurrentUser.name()));
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
        return ResponseEntity.ok(body);
    }
}

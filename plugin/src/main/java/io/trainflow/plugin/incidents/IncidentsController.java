package io.trainflow.plugin.incidents;

import io.trainflow.plugin.api.IncidentsApi;
import io.trainflow.plugin.api.model.Incident;
import io.trainflow.plugin.api.model.JobLock;
import io.trainflow.plugin.api.model.JobLocks;
import io.trainflow.plugin.api.model.Retry;
import io.trainflow.workflows.engine.IncidentsPort;
import io.trainflow.workflows.engine.JobLocksPort;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Admins list, read and retry steps that ran out of attempts, and see who holds which job. */
@RestController
public class IncidentsController implements IncidentsApi {

    private final IncidentsPort incidents;
    private final JobLocksPort locks;

    /** Both the engine's ({@code trainflow.engine}). */
    public IncidentsController(IncidentsPort incidents, JobLocksPort locks) {
        this.incidents = incidents;
        this.locks = locks;
    }

    @Override
    public ResponseEntity<JobLocks> listJobLocks() {
        JobLocksPort.Report report = locks.report();
        return ResponseEntity.ok(new JobLocks(
                report.node(),
                utc(report.startedAt()),
                utc(report.now()),
                report.locks().stream().map(IncidentsController::toApi).toList()));
    }

    private static JobLock toApi(JobLocksPort.Lock l) {
        return new JobLock(
                        JobLock.KindEnum.fromValue(l.kind()),
                        l.jobId(),
                        l.owner(),
                        l.lockTime().toString(),
                        l.fromBeforeStart())
                .processInstanceId(l.processInstanceId())
                .elementId(l.elementId())
                .expiresAt(utc(l.expiresAt()));
    }

    private static java.time.OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public ResponseEntity<List<Incident>> listIncidents() {
        return ResponseEntity.ok(
                incidents.list().stream().map(IncidentsController::toApi).toList());
    }

    @Override
    public ResponseEntity<Incident> getIncident(String incidentId) {
        return ResponseEntity.ok(toApi(incidents.get(incidentId)).details(incidents.details(incidentId)));
    }

    @Override
    public ResponseEntity<Void> retryIncident(String incidentId, Retry retry) {
        incidents.retry(incidentId, retry == null || retry.getRetries() == null ? 1 : retry.getRetries());
        return ResponseEntity.noContent().build();
    }

    static Incident toApi(IncidentsPort.Incident i) {
        return new Incident(i.id(), i.elementId(), i.message() == null ? "" : i.message())
                .processInstanceId(i.processInstanceId())
                .elementName(i.elementName())
                .type(i.type())
                .createdAt(utc(i.createdAt()));
    }
}

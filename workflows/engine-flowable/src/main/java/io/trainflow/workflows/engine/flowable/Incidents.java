package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.IncidentsPort;
import java.util.List;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;

/** Steps that ran out of attempts (Flowable dead-letter jobs): list, read, retry. */
public final class Incidents implements IncidentsPort {

    private final ManagementService management;

    public Incidents(ManagementService management) {
        this.management = management;
    }

    @Override
    public List<Incident> list() {
        return management.createDeadLetterJobQuery().orderByJobCreateTime().asc().list().stream()
                .map(Incidents::toIncident)
                .toList();
    }

    @Override
    public Incident get(String id) {
        Job job = management.createDeadLetterJobQuery().jobId(id).singleResult();
        if (job == null) {
            throw new FlowableObjectNotFoundException("No incident with id " + id);
        }
        return toIncident(job);
    }

    @Override
    public String details(String id) {
        get(id);
        String details = management.getDeadLetterJobExceptionStacktrace(id);
        return details == null ? "" : details;
    }

    /** Gives the step {@code retries} new attempts; the incident disappears. */
    @Override
    public void retry(String id, int retries) {
        get(id);
        management.moveDeadLetterJobToExecutableJob(id, Math.max(1, retries));
    }

    private static Incident toIncident(Job job) {
        return new Incident(
                job.getId(),
                job.getProcessInstanceId(),
                job.getProcessDefinitionId(),
                job.getElementId(),
                job.getElementName(),
                job.getJobHandlerConfiguration(),
                job.getExceptionMessage(),
                job.getCreateTime() == null ? null : job.getCreateTime().toInstant());
    }
}

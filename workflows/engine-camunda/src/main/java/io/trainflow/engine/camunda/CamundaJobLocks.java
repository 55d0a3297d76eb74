package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.response.Job;
import io.trainflow.workflows.engine.JobLocksPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link JobLocksPort} on the cluster: the jobs a worker activated and has not finished, each held until its deadline
 * (the activation's job timeout), read with the job search. Nothing is "from before the start" here: an activated
 * job a dead node held comes back to the workers by itself when its deadline passes.
 */
final class CamundaJobLocks implements JobLocksPort {

    private static final int PAGE = 100;
    private static final int MAX = 1000;

    private final CamundaClient client;
    private final Clock clock;
    private final Duration timeout;
    private final Instant startedAt;

    CamundaJobLocks(CamundaClient client, Clock clock, Duration timeout) {
        this.client = client;
        this.clock = clock;
        this.timeout = timeout;
        this.startedAt = clock.instant();
    }

    @Override
    public Report report() {
        Instant now = clock.instant();
        List<Lock> locks = new ArrayList<>();
        while (locks.size() < MAX) {
            int from = locks.size();
            List<Job> page = CamundaErrors.translated(() -> client.newJobSearchRequest()
                    .filter(f -> f.state(JobState.CREATED).deadline(d -> d.gt(now.atOffset(ZoneOffset.UTC))))
                    .sort(s -> s.deadline().asc())
                    .page(p -> p.from(from).limit(PAGE))
                    .send()
                    .join()
                    .items());
            for (Job job : page) {
                locks.add(new Lock(
                        "step",
                        String.valueOf(job.getJobKey()),
                        job.getProcessInstanceKey() == null ? null : String.valueOf(job.getProcessInstanceKey()),
                        job.getElementId(),
                        job.getWorker(),
                        job.getDeadline() == null ? null : job.getDeadline().toInstant(),
                        timeout,
                        false));
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return new Report("camunda8", startedAt, now, locks);
    }
}

package io.trainflow.workflows.engine.flowable;

import java.util.List;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.job.api.Job;
import org.flowable.job.service.JobServiceConfiguration;
import org.flowable.job.service.impl.asyncexecutor.FindExpiredJobsCmd;
import org.flowable.job.service.impl.asyncexecutor.ResetExpiredJobsCmd;
import org.flowable.job.service.impl.persistence.entity.JobInfoEntity;

/**
 * Runs everything that is due now — timers, asynchronous continuations, step jobs — in the
 * calling thread until the engine is idle. With the engine's clock under control this makes
 * lifecycle tests and demos deterministic; production uses the async executor and
 * {@link JobWorker} threads instead.
 */
public final class EngineDriver {

    private final ManagementService management;
    private final ProcessEngineConfigurationImpl config;
    private final JobWorker worker;

    public EngineDriver(ProcessEngine engine, JobWorker worker) {
        this.management = engine.getManagementService();
        this.config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.worker = worker;
    }

    /** Returns the number of jobs run; stops after {@code maxRounds} rounds to bound runaway loops. */
    public int runUntilIdle() {
        int total = 0;
        for (int round = 0; round < 10_000; round++) {
            int ran = dueTimers() + executableJobs() + releaseExpiredStepLocks() + worker.runOnce();
            if (ran == 0) {
                return total;
            }
            total += ran;
        }
        throw new IllegalStateException("Engine still busy after 10,000 rounds: a loop in the process?");
    }

    private int dueTimers() {
        int ran = 0;
        for (Job timer : management.createTimerJobQuery().executable().list()) {
            management.moveTimerToExecutableJob(timer.getId());
            ran++;
        }
        return ran;
    }

    /** A failed step waits out its backoff as a lock; once expired the step can run again. */
    private int releaseExpiredStepLocks() {
        JobServiceConfiguration jobs = config.getJobServiceConfiguration();
        var steps = jobs.getExternalWorkerJobEntityManager();
        List<? extends JobInfoEntity> expired =
                config.getCommandExecutor().execute(new FindExpiredJobsCmd(100, steps, jobs));
        if (expired.isEmpty()) {
            return 0;
        }
        List<String> ids = expired.stream().map(JobInfoEntity::getId).toList();
        config.getCommandExecutor().execute(new ResetExpiredJobsCmd(ids, steps, jobs));
        return ids.size();
    }

    private int executableJobs() {
        int ran = 0;
        for (Job job : management.createJobQuery().list()) {
            try {
                management.executeJob(job.getId());
            } catch (FlowableException e) {
                // recorded on the job (retries, or an incident) by the engine's failed-job handling
            }
            ran++;
        }
        return ran;
    }
}

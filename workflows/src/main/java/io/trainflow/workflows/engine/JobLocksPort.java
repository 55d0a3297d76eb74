package io.trainflow.workflows.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who holds which job right now, for an admin's (or the crash harness's) check: on the embedded engine a job this
 * node locked before its start (its dead run's) must not stay locked; on Camunda 8 the jobs workers have activated
 * and not finished, each until its deadline.
 */
public interface JobLocksPort {

    /**
     * One locked job.
     *
     * @param kind            step (a handler's job), continuation or timer
     * @param lockTime        how long this kind of job is locked for at a time
     * @param fromBeforeStart held by this node and locked before it started (expiry minus lock time is earlier)
     */
    record Lock(
            String kind,
            String jobId,
            String processInstanceId,
            String elementId,
            String owner,
            Instant expiresAt,
            Duration lockTime,
            boolean fromBeforeStart) {}

    /** The locks, as seen by the node {@code node} started at {@code startedAt}, at {@code now}. */
    record Report(String node, Instant startedAt, Instant now, List<Lock> locks) {}

    Report report();
}

package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.JobLocksPort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Who holds which job right now, for an admin's (or the crash harness's) check after a restart: a job this node
 * locked before its start (its dead run's) must not stay locked, since the start releases them all at once.
 */
public final class HeldLocks implements JobLocksPort {

    private final JobLocks jobs;
    private final String node;
    private final Set<String> ownNames;
    private final TrainflowEngine.LockTimes times;
    private final Instant startedAt;
    private final EngineClock clock;

    HeldLocks(
            JobLocks jobs,
            String node,
            Set<String> ownNames,
            TrainflowEngine.LockTimes times,
            Instant startedAt,
            EngineClock clock) {
        this.jobs = jobs;
        this.node = node;
        this.ownNames = Set.copyOf(ownNames);
        this.times = times;
        this.startedAt = startedAt;
        this.clock = clock;
    }

    @Override
    public Report report() {
        List<Lock> locks = jobs.held().stream().map(this::lock).toList();
        return new Report(node, startedAt, clock.instant(), locks);
    }

    private Lock lock(JobLocks.Held held) {
        Duration lockTime = switch (held.kind()) {
            case "step" -> times.step();
            case "timer" -> times.timer();
            default -> times.continuation();
        };
        Instant expires = held.expiresAt() == null ? null : held.expiresAt().toInstant();
        boolean before = ownNames.contains(held.owner())
                && expires != null
                && expires.minus(lockTime).isBefore(startedAt);
        return new Lock(
                held.kind(),
                held.jobId(),
                held.processInstanceId(),
                held.elementId(),
                held.owner(),
                expires,
                lockTime,
                before);
    }
}

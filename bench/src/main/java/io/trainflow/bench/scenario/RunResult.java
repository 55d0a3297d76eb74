package io.trainflow.bench.scenario;

import java.util.Map;

/**
 * What one engine did with one cohort.
 *
 * @param intakeSeconds      campaign start until every employee has an open {@code approve} task
 * @param reportSeconds      first approval completed until the programme report is built
 * @param reportBusySeconds  the same without the idle waits for the timer acquisition to wake up after each clock move
 * @param steps              wall-clock seconds of each step of the second phase, in order
 * @param intakePeakHeap     highest used heap during the first phase, bytes
 * @param reportPeakHeap     highest used heap during the second phase, bytes
 * @param cpuSeconds         JVM CPU time (all threads) of both phases
 * @param clientConflicts    optimistic-locking conflicts the clients retried
 * @param incidents          jobs that ran out of retries (dead letters), retried by the bench as an operator would
 * @param failedJobs         job failures the engine logged and retried: [optimistic-locking conflicts, other]
 * @param check              end-state check
 */
public record RunResult(
        String engine,
        int cohort,
        double intakeSeconds,
        double reportSeconds,
        double reportBusySeconds,
        Map<String, Double> steps,
        long intakePeakHeap,
        long reportPeakHeap,
        double cpuSeconds,
        long clientConflicts,
        long incidents,
        long[] failedJobs,
        String check)
        implements java.io.Serializable {

    public double intakePerSecond() {
        return cohort / intakeSeconds;
    }

    public double reportPerSecond() {
        return cohort / reportSeconds;
    }

    public double reportBusyPerSecond() {
        return cohort / reportBusySeconds;
    }
}

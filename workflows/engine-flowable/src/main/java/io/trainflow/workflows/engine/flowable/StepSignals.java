package io.trainflow.workflows.engine.flowable;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Tells the job poller which task types have new jobs, as their transactions commit, so it
 * acquires where there is work instead of querying every type on a timer; and wakes it when a
 * step thread becomes free. The poller still scans the job table now and then for what no
 * signal announces (retries whose wait is over, expired locks, jobs made by another node).
 */
final class StepSignals {

    private final Set<String> hinted = new LinkedHashSet<>();
    private boolean signalled;

    synchronized void jobCreated(String type) {
        hinted.add(type);
        signalled = true;
        notifyAll();
    }

    synchronized void wake() {
        signalled = true;
        notifyAll();
    }

    /** The types announced since the last call. */
    synchronized Set<String> drain() {
        Set<String> types = new LinkedHashSet<>(hinted);
        hinted.clear();
        return types;
    }

    /** Waits until a signal or the timeout, whichever comes first. */
    synchronized void await(long millis) throws InterruptedException {
        if (!signalled) {
            wait(millis);
        }
        signalled = false;
    }
}

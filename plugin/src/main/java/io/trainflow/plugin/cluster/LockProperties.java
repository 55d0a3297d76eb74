package io.trainflow.plugin.cluster;

import io.trainflow.workflows.engine.flowable.TrainflowEngine.LockTimes;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code trainflow.locks.*}: how long a node's claim on a job lasts, which bounds how soon another node takes over
 * the work of a node that died (see README "Several nodes"). Defaults: {@link LockTimes#standard()}.
 *
 * @param step         a step calling another system (renewed while it runs)
 * @param continuation a continuation between steps (one transaction; a campaign's batch of 50 requests the longest)
 * @param timer        moving a due timer
 */
@ConfigurationProperties(prefix = "trainflow.locks")
public record LockProperties(Duration step, Duration continuation, Duration timer) {

    public LockProperties {
        LockTimes standard = LockTimes.standard();
        step = step == null ? standard.step() : step;
        continuation = continuation == null ? standard.continuation() : continuation;
        timer = timer == null ? standard.timer() : timer;
    }

    public LockTimes times() {
        return new LockTimes(step, continuation, timer);
    }
}

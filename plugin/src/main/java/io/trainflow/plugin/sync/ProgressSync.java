package io.trainflow.plugin.sync;

import io.trainflow.plugin.cluster.ClusterLock;
import io.trainflow.plugin.connect.Connections;
import io.trainflow.workflows.engine.flowable.CompletionSync;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the bulk completion poll of the LMS on a schedule (see {@link CompletionSync}); on one node of a cluster at a
 * time, once per interval whatever the number of nodes. With {@code trainflow.engine=camunda8} it publishes on the
 * Camunda 8 cluster instead.
 */
@Component
public class ProgressSync {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressSync.class);

    private final IntSupplier sync;
    private final ClusterLock cluster;
    private final Duration interval;

    /** Polls through the chosen LMS's completion poll (Moodle: incremental, see README). */
    public ProgressSync(
            TrainflowEngine trainflow,
            ObjectProvider<CompletionRound> otherEngine,
            Connections connections,
            ClusterLock cluster,
            @Value("${trainflow.progress-sync:PT5M}") Duration interval) {
        CompletionRound other = otherEngine.getIfAvailable();
        this.sync =
                other != null ? other::syncOnce : new CompletionSync(trainflow, connections.completionPoll())::syncOnce;
        this.cluster = cluster;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${trainflow.progress-sync:PT5M}", initialDelayString = "PT30S")
    public void scheduled() {
        try {
            cluster.runExclusively("progress-sync", interval.dividedBy(2), Duration.ofMinutes(10), this::syncOnce);
        } catch (RuntimeException e) {
            LOG.warn("Progress sync failed, will try at the next interval: {}", e.toString());
        }
    }

    /** Returns how many requests were completed by this sync. */
    public int syncOnce() {
        int done = sync.getAsInt();
        if (done > 0) {
            LOG.info("Progress sync: {} request(s) completed their learning path", done);
        }
        return done;
    }
}

package io.trainflow.plugin.sync;

import io.trainflow.plugin.connect.Connections;
import io.trainflow.workflows.engine.flowable.CompletionSync;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the bulk completion poll of the LMS on a schedule (see {@link CompletionSync}). */
@Component
public class ProgressSync {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressSync.class);

    private final CompletionSync sync;

    /** Polls through the chosen LMS's completion poll (Moodle: incremental, see README). */
    public ProgressSync(TrainflowEngine trainflow, Connections connections) {
        this.sync = new CompletionSync(trainflow, connections.completionPoll());
    }

    @Scheduled(fixedDelayString = "${trainflow.progress-sync:PT5M}", initialDelayString = "PT30S")
    public void scheduled() {
        try {
            syncOnce();
        } catch (RuntimeException e) {
            LOG.warn("Progress sync failed, will try at the next interval: {}", e.toString());
        }
    }

    /** Returns how many requests were completed by this sync. */
    public int syncOnce() {
        int done = sync.syncOnce();
        if (done > 0) {
            LOG.info("Progress sync: {} request(s) completed their learning path", done);
        }
        return done;
    }
}

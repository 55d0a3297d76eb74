package io.trainflow.plugin.sync;

import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.plugin.cluster.ClusterLock;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.MessagePort;
import io.trainflow.workflows.engine.UserTaskPort;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-routes open approvals when a learner's manager changes in the HCM: for every open
 * approval task it compares the learner's supervisor now with the one seen last time, and
 * publishes {@code manager-changed} (correlation key: employeeId) on a change, on whichever engine runs the
 * approvals (on Camunda 8 the count of re-routed approvals is the count of messages the cluster took).
 */
@Component
public class SupervisorSync {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorSync.class);

    private final UserTaskPort tasks;
    private final MessagePort messages;
    private final HcmPort hcm;
    private final Map<String, String> lastSeen = new HashMap<>();

    private final ClusterLock cluster;
    private final Duration interval;

    public SupervisorSync(
            MessagePort messages,
            UserTaskPort tasks,
            TrainflowPorts ports,
            ClusterLock cluster,
            @Value("${trainflow.hcm-sync:PT15M}") Duration interval) {
        this.messages = messages;
        this.tasks = tasks;
        this.hcm = ports.hcm();
        this.cluster = cluster;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${trainflow.hcm-sync:PT15M}", initialDelayString = "PT20S")
    public void scheduled() {
        try {
            // one node of a cluster at a time, once per interval whatever the number of nodes
            cluster.runExclusively("hcm-sync", interval.dividedBy(2), Duration.ofMinutes(10), this::syncOnce);
        } catch (RuntimeException e) {
            LOG.warn("HCM sync failed, will try at the next interval: {}", e.toString());
        }
    }

    /** Returns how many open approvals were re-routed. */
    public synchronized int syncOnce() {
        int rerouted = 0;
        Map<String, String> seenNow = new HashMap<>();
        for (Object employeeId : tasks.openTaskValues("approve", "employeeId")) {
            if (employeeId == null || seenNow.containsKey(employeeId.toString())) {
                continue;
            }
            String id = employeeId.toString();
            String supervisor = hcm.employee(id).map(Employee::managerId).orElse(null);
            seenNow.put(id, supervisor == null ? "" : supervisor);
            String before = lastSeen.get(id);
            if (before != null && !Objects.equals(before, seenNow.get(id))) {
                rerouted += messages.correlate("manager-changed", id, Map.of());
            }
        }
        lastSeen.clear();
        lastSeen.putAll(seenNow);
        if (rerouted > 0) {
            LOG.info("HCM sync: {} open approval(s) re-routed after a manager change", rerouted);
        }
        return rerouted;
    }

    /** Tells the sync a supervisor changed now (the sample HCM calls this right after a change). */
    public int changed(String employeeId) {
        synchronized (this) {
            lastSeen.remove(employeeId);
        }
        return messages.correlate("manager-changed", employeeId, Map.of());
    }
}

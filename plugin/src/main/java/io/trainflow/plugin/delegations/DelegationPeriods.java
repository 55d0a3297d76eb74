package io.trainflow.plugin.delegations;

import io.trainflow.connectors.delegation.Delegation;
import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.ApprovalHandOver;
import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A delegation's period starting or ending later than it was made: when it starts, the approver's open approvals move
 * to the deputy (as when a delegation is made for now); when it ends, what the deputy has not decided goes back,
 * unless another delegation to the same deputy still runs. Looks a day back after a restart: moving and giving back
 * twice changes nothing.
 */
@Component
public class DelegationPeriods {

    private final TrainflowPorts ports;
    private final ApprovalHandOver openApprovals;
    private final AccessAudit audit;
    private Instant checkedUpTo;

    public DelegationPeriods(TrainflowPorts ports, AccessAudit audit, ApprovalHandOver openApprovals) {
        this.ports = ports;
        this.audit = audit;
        this.openApprovals = openApprovals;
    }

    @Scheduled(fixedDelayString = "${trainflow.delegation-check:PT1M}", initialDelayString = "PT15S")
    public synchronized void runOnce() {
        Instant now = ports.clock().instant();
        Instant after = checkedUpTo == null ? now.minus(Duration.ofDays(1)) : checkedUpTo;
        for (Delegation d : ports.delegations().changingIn(after, now)) {
            if (d.activeAt(now)) {
                openApprovals
                        .delegate(d.approver(), d.deputy(), d.reason())
                        .moved()
                        .forEach(task -> audit.record(d.approver(), "task-to-deputy", task));
            } else if (!d.to().isAfter(now)
                    && ports.delegations()
                            .activeFor(d.approver(), now)
                            .filter(other -> other.deputy().equals(d.deputy()))
                            .isEmpty()) {
                openApprovals
                        .giveBack(d.approver(), d.deputy())
                        .forEach(task -> audit.record(d.approver(), "task-back", task));
            }
        }
        checkedUpTo = now;
    }
}

package io.trainflow.plugin.delegations;

import io.trainflow.connectors.delegation.Delegation;
import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.api.DelegationsApi;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.problems.TrainflowProblem.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * An approver names a deputy for a period; resolve-approver routes to the deputy meanwhile. The deputy must be
 * someone Trainflow knows (an employee of the HCM or a member of a group), and the period sane: starting no
 * earlier than yesterday and no later than two years ahead, ending after it starts and within a year.
 */
@RestController
public class DelegationsController implements DelegationsApi {

    static final Duration LONGEST = Duration.ofDays(366);
    static final Duration FURTHEST_START = Duration.ofDays(731);

    private final TrainflowPorts ports;
    private final Directory directory;
    private final AccessAudit audit;

    public DelegationsController(TrainflowPorts ports, Directory directory, AccessAudit audit) {
        this.ports = ports;
        this.directory = directory;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<Void> createDelegation(io.trainflow.plugin.api.model.Delegation body) {
        String approver = CurrentUser.name();
        String deputy = body.getDeputy();
        if (approver.equals(deputy)) {
            throw new InvalidInput("deputy", "you cannot delegate to yourself");
        }
        if (ports.hcm().employeeByUsername(deputy).isEmpty() && directory.groupsOf(deputy).isEmpty()) {
            throw new InvalidInput("deputy", "'" + deputy + "' is not a person Trainflow knows");
        }
        Instant now = ports.clock().instant();
        Instant from = body.getFrom().toInstant();
        Instant to = body.getTo().toInstant();
        if (from.isBefore(now.minus(Duration.ofDays(1))) || from.isAfter(now.plus(FURTHEST_START))) {
            throw new InvalidInput("from", "must be between yesterday and two years from now");
        }
        if (!to.isAfter(from)) {
            throw new InvalidInput("to", "the period must end after it starts");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new InvalidInput("to", "a delegation lasts at most " + LONGEST.toDays() + " days");
        }
        String id = UUID.randomUUID().toString();
        ports.delegations().save(new Delegation(id, approver, deputy, from, to, body.getReason()));
        audit.record(approver, "delegate", id);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }
}

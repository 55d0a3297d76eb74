package io.trainflow.plugin.delegations;

import io.trainflow.connectors.delegation.Delegation;
import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.api.DelegationsApi;
import io.trainflow.plugin.api.model.DelegationCreated;
import io.trainflow.plugin.api.model.DelegationCreatedKeptInner;
import io.trainflow.plugin.api.model.DelegationView;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.ApprovalHandOver;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.problems.TrainflowProblem.InvalidInput;
import io.trainflow.workflows.problems.TrainflowProblem.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * An approver names a deputy for a period; resolve-approver routes new approvals to the deputy meanwhile, and the
 * approver's open approvals move to the deputy at once when the period has begun ({@link ApprovalHandOver}: separation
 * of duties decides which may). Removing a delegation gives back what the deputy has not decided. The deputy must be
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
    private final ApprovalHandOver openApprovals;

    public DelegationsController(
            TrainflowPorts ports, Directory directory, AccessAudit audit, ApprovalHandOver openApprovals) {
        this.ports = ports;
        this.directory = directory;
        this.audit = audit;
        this.openApprovals = openApprovals;
    }

    @Override
    public ResponseEntity<List<DelegationView>> listDelegations() {
        Instant now = ports.clock().instant();
        return ResponseEntity.ok(ports.delegations().of(CurrentUser.name()).stream()
                .map(d -> new DelegationView(
                                d.id(),
                                d.deputy(),
                                d.from().atOffset(ZoneOffset.UTC),
                                d.to().atOffset(ZoneOffset.UTC),
                                d.activeAt(now))
                        .reason(d.reason()))
                .toList());
    }

    @Override
    public ResponseEntity<Void> removeDelegation(String delegationId) {
        String approver = CurrentUser.name();
        Delegation delegation = ports.delegations().of(approver).stream()
                .filter(d -> d.id().equals(delegationId))
                .findFirst()
                .orElseThrow(() -> new NotFound("No delegation " + delegationId + " of " + approver));
        ports.delegations().remove(delegationId);
        audit.record(approver, "remove-delegation", delegationId);
        boolean stillCovered = ports.delegations()
                .activeFor(approver, ports.clock().instant())
                .filter(d -> d.deputy().equals(delegation.deputy()))
                .isPresent();
        if (!stillCovered) {
            openApprovals
                    .giveBack(approver, delegation.deputy())
                    .forEach(task -> audit.record(approver, "task-back", task));
        }
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<DelegationCreated> createDelegation(io.trainflow.plugin.api.model.Delegation body) {
        String approver = CurrentUser.name();
        String deputy = body.getDeputy();
        if (approver.equals(deputy)) {
            throw new InvalidInput("deputy", "you cannot delegate to yourself");
        }
        if (ports.hcm().employeeByUsername(deputy).isEmpty()
                && directory.groupsOf(deputy).isEmpty()) {
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
        Delegation delegation =
                ports.delegations().save(new Delegation(id, approver, deputy, from, to, body.getReason()));
        audit.record(approver, "delegate", id);
        DelegationCreated created = new DelegationCreated(id, List.of(), List.of());
        if (delegation.activeAt(now)) {
            ApprovalHandOver.Result result = openApprovals.delegate(approver, deputy, body.getReason());
            result.moved().forEach(task -> audit.record(approver, "task-to-deputy", task));
            created.moved(result.moved())
                    .kept(result.kept().entrySet().stream()
                            .map(e -> new DelegationCreatedKeptInner(e.getKey(), e.getValue()))
                            .toList());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }
}

package io.trainflow.plugin.delegations;

import io.trainflow.connectors.delegation.Delegation;
import io.trainflow.plugin.api.DelegationsApi;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.TrainflowPorts;
import java.util.UUID;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** An approver names a deputy for a period; resolve-approver routes to the deputy meanwhile. */
@RestController
public class DelegationsController implements DelegationsApi {

    private final TrainflowPorts ports;

    public DelegationsController(TrainflowPorts ports) {
        this.ports = ports;
    }

    @Override
    public ResponseEntity<Void> createDelegation(io.trainflow.plugin.api.model.Delegation body) {
        String approver = CurrentUser.name();
        if (approver.equals(body.getDeputy())) {
            throw new FlowableIllegalArgumentException("deputy: you cannot delegate to yourself");
        }
        if (!body.getTo().isAfter(body.getFrom())) {
            throw new FlowableIllegalArgumentException("to: the period must end after it starts");
        }
        ports.delegations().save(new Delegation(UUID.randomUUID().toString(), approver, body.getDeputy(),
                body.getFrom().toInstant(), body.getTo().toInstant(), body.getReason()));
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }
}

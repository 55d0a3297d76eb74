package io.trainflow.plugin.access;

import io.trainflow.plugin.api.AuditApi;
import io.trainflow.plugin.api.model.AccessRecord;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The access audit, for auditors only. */
@RestController
public class AuditController implements AuditApi {

    private final Access access;
    private final AccessAudit audit;

    public AuditController(Access access, AccessAudit audit) {
        this.access = access;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<List<AccessRecord>> listAccessAudit(
            String actor, String subject, Integer first, Integer max) {
        String user = CurrentUser.name();
        if (!access.isAuditor(user)) {
            throw new TrainflowProblem.Forbidden(user + " is not an auditor (role AUDITOR, group " + Access.AUDITORS
                    + ") and cannot read the access audit");
        }
        return ResponseEntity.ok(audit.read(actor, subject, first == null ? 0 : first, max == null ? 100 : max).stream()
                .map(e -> new AccessRecord(e.at().atOffset(ZoneOffset.UTC), e.actor(), e.action())
                        .subject(e.subject())
                        .address(e.address()))
                .toList());
    }
}

package io.trainflow.plugin.connect;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import io.trainflow.plugin.api.ConnectionsApi;
import io.trainflow.plugin.api.model.ConnectionFinding;
import io.trainflow.plugin.api.model.ConnectionReport;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code trainflow check-connections} through the running server (admins): the server's database stays the
 * server's (an H2 file is held by the process that opened it), and the checks run with the write probes that the
 * server's own connections leave out.
 */
@RestController
class ConnectionsCheckController implements ConnectionsApi {

    private final Connections connections;

    ConnectionsCheckController(Connections connections) {
        this.connections = connections;
    }

    @Override
    public ResponseEntity<ConnectionReport> checkConnections() {
        List<ConnectionFinding> findings = new ArrayList<>();
        boolean ok = true;
        try (Connections probing = connections.reopen(System::getenv)) {
            for (ConnectionCheck check : probing.checks()) {
                CheckResult result = check.check();
                ok &= result.ok();
                for (Finding f : result.findings()) {
                    findings.add(new ConnectionFinding(result.system(), f.kind().name(), f.check(), f.detail()));
                }
            }
        } catch (Exception e) {
            findings.add(new ConnectionFinding(
                    "configuration",
                    "ERROR",
                    "configuration",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            ok = false;
        }
        return ResponseEntity.ok(new ConnectionReport(ok, findings));
    }
}

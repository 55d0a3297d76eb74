package io.trainflow.plugin.deploy;

import io.trainflow.workflows.lint.LintProblem;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/processes}: UP when every process file runs as written; PARTIAL (still
 * HTTP 200: the application serves, older versions run) naming each refused file, element and reason.
 */
@Component("processes")
public class DeploymentHealth implements HealthIndicator {

    static final Status PARTIAL = new Status("PARTIAL", "some process files were refused; their previous versions run");

    private final BpmnDeployer deployer;

    public DeploymentHealth(BpmnDeployer deployer) {
        this.deployer = deployer;
    }

    @Override
    public Health health() {
        var refused = deployer.refused();
        if (refused.isEmpty()) {
            return Health.up().build();
        }
        return Health.status(PARTIAL)
                .withDetail(
                        "refused", refused.stream().map(LintProblem::toString).toList())
                .build();
    }
}

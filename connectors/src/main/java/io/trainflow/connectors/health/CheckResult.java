package io.trainflow.connectors.health;

import java.util.List;

/** What one connection check found; the system is usable when every finding is {@link Finding.Kind#OK}. */
public record CheckResult(String system, List<Finding> findings) {

    public CheckResult {
        findings = List.copyOf(findings);
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a check reports at least one finding");
        }
    }

    public boolean ok() {
        return findings.stream().allMatch(Finding::ok);
    }

    public static CheckResult of(String system, Finding... findings) {
        return new CheckResult(system, List.of(findings));
    }
}

package io.trainflow.plugin.connect;

import io.trainflow.connectors.catalogue.CatalogueCheck;
import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/health/connections/<system>}: each configured external system UP or DOWN with
 * the findings of its connection check (URL, error codes, function names; never a secret).
 */
@Configuration
public class ConnectionsHealth {

    @Bean
    CompositeHealthContributor connectionsHealthContributor(Connections connections) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        for (ConnectionCheck check : connections.checks()) {
            indicators.put(check.system(), () -> health(check.check()));
        }
        return CompositeHealthContributor.fromMap(indicators);
    }

    /** An empty catalogue: PARTIAL (HTTP 200), as the server must keep serving for L&amp;D to import one. */
    static final Status CATALOGUE_EMPTY = new Status("PARTIAL", "catalogue is empty: import one");

    static Health health(CheckResult result) {
        Health.Builder builder = result.ok()
                ? Health.up()
                : result.system().equals(CatalogueCheck.SYSTEM) ? Health.status(CATALOGUE_EMPTY) : Health.down();
        builder.withDetail(
                "findings", result.findings().stream().map(Finding::toString).toList());
        return builder.build();
    }
}

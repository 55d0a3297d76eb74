package io.trainflow.connectors.scim;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.health.Finding.Kind;
import io.trainflow.connectors.resilience.CircuitBreaker;
import io.trainflow.connectors.resilience.HttpTransport;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Starts the SCIM route in a Camel context of its own and hands out the {@link ScimHcm} facade.
 * The data source holds the skills and training records SCIM has no place for.
 */
public final class ScimConnector implements AutoCloseable, ConnectionCheck {

    private final CamelContext camel;
    private final ScimConfig config;
    private final ScimHcm hcm;
    private final CircuitBreaker breaker;

    private ScimConnector(CamelContext camel, ScimConfig config, ScimHcm hcm, CircuitBreaker breaker) {
        this.camel = camel;
        this.config = config;
        this.hcm = hcm;
        this.breaker = breaker;
    }

    public static ScimConnector start(ScimConfig config, DataSource trainflowDatabase) {
        CircuitBreaker breaker =
                config.resilience().breaker(config.system(), () -> new ScimException.CircuitOpen(config.system()));
        CamelContext camel = HttpTransport.ownRetriesOnly(new DefaultCamelContext());
        try {
            camel.addRoutes(new ScimRoutes(config, breaker, config.resilience().limiter()));
            camel.start();
        } catch (Exception e) {
            camel.stop();
            throw new IllegalStateException("cannot start the SCIM route for " + config.system(), e);
        }
        return new ScimConnector(
                camel,
                config,
                new ScimHcm(camel.createProducerTemplate(), config, new LocalHcmRecords(trainflowDatabase)),
                breaker);
    }

    public ScimHcm hcm() {
        return hcm;
    }

    @Override
    public String system() {
        return "scim";
    }

    /** One finding: can Trainflow list users with this URL and token? */
    @Override
    public CheckResult check() {
        return CheckResult.of(system(), listUsers());
    }

    private Finding listUsers() {
        String check = "list users";
        try {
            hcm.employeeByUsername("trainflow-connection-check");
            return Finding.ok(check, "reached " + config.baseUrl() + "/Users and authenticated");
        } catch (ScimException.Unauthorized e) {
            return new Finding(
                    e.status() == 403 ? Kind.MISSING_PERMISSION : Kind.BAD_CREDENTIALS, check, e.getMessage());
        } catch (ScimException.Unavailable e) {
            return new Finding(Kind.UNREACHABLE, check, e.getMessage());
        } catch (RuntimeException e) {
            return new Finding(Kind.BAD_URL, check, e.getMessage());
        }
    }

    public boolean circuitOpen() {
        return breaker.isOpen();
    }

    @Override
    public void close() {
        camel.stop();
    }
}

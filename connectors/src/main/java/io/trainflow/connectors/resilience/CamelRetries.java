package io.trainflow.connectors.resilience;

import org.apache.camel.LoggingLevel;
import org.apache.camel.model.RouteDefinition;

/**
 * The error policy every connector route declares for transient failures: bounded redeliveries
 * with exponential backoff and ±15 % jitter (so many callers do not retry in lockstep), logged
 * without message bodies (they may hold personal data), then the exception reaches the caller.
 * The breaker's own fail-fast exception is never retried.
 */
public final class CamelRetries {

    private CamelRetries() {
    }

    public static RouteDefinition retryTransient(RouteDefinition route, Resilience r,
                                                 Class<? extends Throwable> transientType,
                                                 Class<? extends Throwable> circuitOpenType) {
        route.onException(circuitOpenType).maximumRedeliveries(0).handled(false);
        route.onException(transientType)
                .maximumRedeliveries(r.maxRetries())
                .redeliveryDelay(r.initialBackoff().toMillis())
                .useExponentialBackOff().backOffMultiplier(2)
                .useCollisionAvoidance()
                .maximumRedeliveryDelay(r.maxBackoff().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhaustedMessageHistory(false).logExhaustedMessageBody(false)
                .handled(false);
        return route;
    }

    /** Business errors: the system answered "no"; retrying cannot help. */
    public static RouteDefinition failAtOnce(RouteDefinition route, Class<? extends Throwable> type) {
        // the caller gets the typed exception and decides; Camel need not log it as a failed delivery
        route.onException(type).maximumRedeliveries(0).logExhausted(false).handled(false);
        return route;
    }
}

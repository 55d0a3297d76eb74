package io.trainflow.connectors.resilience;

import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.RouteDefinition;

/**
 * The error policy every connector route declares for transient failures: bounded redeliveries
 * with exponential backoff and ±15 % jitter (so many callers do not retry in lockstep), logged
 * without message bodies (they may hold personal data), then the exception reaches the caller.
 * The breaker's own fail-fast exception is never retried. A route may let the server's {@code Retry-After}
 * replace the computed delay of the next redelivery ({@link #honourRetryAfter}).
 */
public final class CamelRetries {

    private CamelRetries() {}

    public static RouteDefinition retryTransient(
            RouteDefinition route,
            Resilience r,
            Class<? extends Throwable> transientType,
            Class<? extends Throwable> circuitOpenType) {
        route.onException(circuitOpenType).maximumRedeliveries(0).handled(false);
        route.onException(transientType)
                .maximumRedeliveries(r.maxRetries())
                .redeliveryDelay(r.initialBackoff().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .useCollisionAvoidance()
                .maximumRedeliveryDelay(r.maxBackoff().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhaustedMessageHistory(false)
                .logExhaustedMessageBody(false)
                .handled(false);
        return route;
    }

    /**
     * When {@code failure} is an HTTP answer with a readable {@code Retry-After}, the next redelivery of this
     * exchange waits that long (capped at {@code maxBackoff}, no jitter: the server named the time) instead of
     * the exponential backoff. Call it where the route catches the failure, before rethrowing it; the route must
     * clear its headers before each attempt so the delay applies to one redelivery only.
     */
    public static void honourRetryAfter(Exchange exchange, Exception failure, Duration maxBackoff) {
        if (failure instanceof HttpOperationFailedException http) {
            RetryAfter.of(http.getResponseHeaders(), maxBackoff, Instant.now())
                    .ifPresent(wait -> exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis()));
        }
    }

    /** Business errors: the system answered "no"; retrying cannot help. */
    public static RouteDefinition failAtOnce(RouteDefinition route, Class<? extends Throwable> type) {
        // the caller gets the typed exception and decides; Camel need not log it as a failed delivery
        route.onException(type).maximumRedeliveries(0).logExhausted(false).handled(false);
        return route;
    }
}

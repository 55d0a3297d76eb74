package io.trainflow.connectors.moodle;

import io.trainflow.connectors.moodle.error.MoodleUnavailableException;
import io.trainflow.connectors.moodle.route.MoodleRoutes;
import io.trainflow.connectors.resilience.CircuitBreaker;
import io.trainflow.connectors.resilience.HttpTransport;
import io.trainflow.connectors.resilience.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Starts the Moodle routes in a Camel context of their own and hands out the {@link MoodleLms}
 * facade. One breaker and one rate limiter per Moodle site, shared by all its routes.
 */
public final class MoodleConnector implements AutoCloseable {

    private final CamelContext camel;
    private final MoodleCalls calls;
    private final MoodleLms lms;
    private final CircuitBreaker breaker;

    private MoodleConnector(CamelContext camel, MoodleCalls calls, MoodleConfig config, CircuitBreaker breaker) {
        this.camel = camel;
        this.calls = calls;
        this.lms = new MoodleLms(calls, config);
        this.breaker = breaker;
    }

    public static MoodleConnector start(MoodleConfig config) {
        String system = "moodle " + config.baseUrl();
        CircuitBreaker breaker = new CircuitBreaker(
                system,
                config.breakerThreshold(),
                config.breakerOpenFor(),
                Clock.systemUTC(),
                (Duration remaining) -> new MoodleUnavailableException.CircuitOpen(system, remaining));
        CamelContext camel = HttpTransport.ownRetriesOnly(new DefaultCamelContext());
        try {
            camel.addRoutes(new MoodleRoutes(config, breaker, new RateLimiter(config.callsPerSecond())));
            camel.start();
        } catch (Exception e) {
            camel.stop();
            throw new IllegalStateException("cannot start the Moodle routes for " + config, e);
        }
        return new MoodleConnector(camel, new MoodleCalls(camel.createProducerTemplate()), config, breaker);
    }

    public MoodleLms lms() {
        return lms;
    }

    /** The typed functions over the same routes (course-id mapping, connection checks). */
    public MoodleCalls calls() {
        return calls;
    }

    /** The routes' context, for health checks and tests. */
    public CamelContext camel() {
        return camel;
    }

    /** For health reporting: true while calls fail fast. */
    public boolean circuitOpen() {
        return breaker.isOpen();
    }

    @Override
    public void close() {
        camel.stop();
    }
}

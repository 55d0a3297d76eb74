package io.trainflow.workflows.connector.rest;

import io.trainflow.connectors.resilience.HttpTransport;
import io.trainflow.workflows.api.StepHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Camunda's REST connector's routes in a Camel context of their own, and the step handler that uses them. */
public final class RestConnector implements AutoCloseable {

    /** The job type Modeler's REST connector template writes. */
    public static final String TYPE = "io.camunda:http-json:1";

    private final CamelContext camel;
    private final RestConnectorHandler handler;

    private RestConnector(CamelContext camel, UnaryOperator<String> secrets, Supplier<Instant> clock) {
        this.camel = camel;
        this.handler =
                new RestConnectorHandler(camel.createProducerTemplate(), new Secrets(secrets), new OAuthTokens(clock));
    }

    /** {@code {{secrets.NAME}}} placeholders are read from the environment variable NAME. */
    public static RestConnector start() {
        return start(System::getenv);
    }

    /** @param secrets the value of each {@code {{secrets.NAME}}} placeholder by NAME, null when not set */
    public static RestConnector start(UnaryOperator<String> secrets) {
        return start(secrets, Instant::now);
    }

    /** @param clock real time for OAuth token expiry (a test moves it) */
    public static RestConnector start(UnaryOperator<String> secrets, Supplier<Instant> clock) {
        CamelContext camel = HttpTransport.ownRetriesOnly(new DefaultCamelContext());
        try {
            camel.addRoutes(new RestRoutes());
            camel.start();
        } catch (Exception e) {
            camel.stop();
            throw new IllegalStateException("cannot start the REST connector's routes", e);
        }
        return new RestConnector(camel, secrets, clock);
    }

    public RestConnectorHandler handler() {
        return handler;
    }

    /** {@code handlers} and this connector's handler, for one handler registry. */
    public List<StepHandler<?, ?>> with(List<? extends StepHandler<?, ?>> handlers) {
        List<StepHandler<?, ?>> all = new ArrayList<>(handlers);
        all.add(handler);
        return all;
    }

    @Override
    public void close() {
        camel.stop();
    }
}

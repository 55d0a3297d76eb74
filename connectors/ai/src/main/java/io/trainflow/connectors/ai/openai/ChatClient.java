package io.trainflow.connectors.ai.openai;

import io.trainflow.connectors.ai.openai.route.ModelRoutes;
import io.trainflow.connectors.resilience.CircuitBreaker;
import io.trainflow.connectors.resilience.HttpTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Posts chat requests through the model's Camel routes (one per concern, see {@link ModelRoutes}), which own
 * the timeout, the retries of 429/5xx/timeouts with backoff and jitter, the circuit breaker and the rate
 * limit. Starts its own Camel context, one breaker and one rate limiter per endpoint.
 */
public final class ChatClient implements AutoCloseable {

    private final OpenAiConfig config;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final CircuitBreaker breaker;

    public ChatClient(OpenAiConfig config) {
        this.config = config;
        String system = "model " + config.model() + " at " + config.baseUrl();
        this.breaker = config.resilience().breaker(system, () -> new ModelUnavailableException.CircuitOpen(system));
        this.camel = HttpTransport.ownRetriesOnly(new DefaultCamelContext());
        try {
            camel.addRoutes(new ModelRoutes(config, breaker, config.resilience().limiter()));
            camel.start();
        } catch (Exception e) {
            camel.stop();
            throw new IllegalStateException("cannot start the model routes for " + config, e);
        }
        this.producer = camel.createProducerTemplate();
    }

    /**
     * The response body of a successful call on the concern's route; a {@link ModelCallException} saying why
     * otherwise (the reason recorded with the offline fallback).
     */
    public String post(String concern, String body) {
        Exchange sent =
                producer.request(ModelRoutes.uri(concern), e -> e.getMessage().setBody(body));
        Exception failure = sent.getException();
        if (failure == null) {
            return sent.getMessage().getBody(String.class);
        }
        if (failure instanceof ModelUnavailableException.CircuitOpen open) {
            throw open;
        }
        if (failure instanceof ModelUnavailableException unavailable) {
            int attempts = sent.getProperty(ModelRoutes.ATTEMPTS, 1, Integer.class);
            throw new ModelCallException(
                    "model unavailable after " + attempts + " attempts: " + unavailable.getMessage(), unavailable);
        }
        if (failure instanceof ModelCallException refused) {
            throw refused;
        }
        throw new ModelCallException("model call failed (" + failure.getClass().getSimpleName() + ")", failure);
    }

    /** For health reporting and tests: true while steps go offline without calling the model. */
    public boolean circuitOpen() {
        return breaker.isOpen();
    }

    public OpenAiConfig config() {
        return config;
    }

    /** The routes' context, for tests. */
    public CamelContext camel() {
        return camel;
    }

    @Override
    public void close() {
        camel.stop();
    }
}

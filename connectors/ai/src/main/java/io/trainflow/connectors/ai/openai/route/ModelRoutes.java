package io.trainflow.connectors.ai.openai.route;

import io.trainflow.connectors.ai.openai.ModelCallException;
import io.trainflow.connectors.ai.openai.ModelUnavailableException;
import io.trainflow.connectors.ai.openai.OpenAiConfig;
import io.trainflow.connectors.ai.openai.OpenAiWire;
import io.trainflow.connectors.resilience.CamelRetries;
import io.trainflow.connectors.resilience.CircuitBreaker;
import io.trainflow.connectors.resilience.RateLimiter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * One route per AI concern (explain a path, summarise feedback, draft a quiz, analyse needs, match sessions),
 * each declaring its error policy, over one shared chat transport route. Transient failures (429, 5xx,
 * timeouts, refused connections) are retried with exponential backoff and jitter, or after the wait a 429/503's
 * {@code Retry-After} names (capped at the maximum backoff); a refused request (4xx)
 * fails at once; the open breaker fails fast. A malformed answer is not the route's business: it arrives as
 * a 200 and is rejected by the caller's schema check, so it is never retried. The transport has no error
 * handler of its own, so a redelivery replays the whole call (rate limit, breaker check, HTTP).
 */
public final class ModelRoutes extends RouteBuilder {

    public static final List<String> CONCERNS =
            List.of("explain-path", "summarise-feedback", "draft-quiz", "analyse-needs", "match-sessions");
    /** Counts the HTTP calls one exchange made, for the reason recorded with a fallback. */
    public static final String ATTEMPTS = "ai.attempts";

    private static final String TRANSPORT = "direct:ai-chat";
    private static final String BODY = "ai.requestBody";

    private final OpenAiConfig config;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;

    public ModelRoutes(OpenAiConfig config, CircuitBreaker breaker, RateLimiter limiter) {
        this.config = config;
        this.breaker = breaker;
        this.limiter = limiter;
    }

    /** The route of one concern, e.g. {@code direct:ai-explain-path}. */
    public static String uri(String concern) {
        if (!CONCERNS.contains(concern)) {
            throw new IllegalArgumentException("no AI route for concern " + concern);
        }
        return "direct:ai-" + concern;
    }

    @Override
    public void configure() {
        CONCERNS.forEach(this::concern);
        URI endpoint = OpenAiWire.endpoint(config);
        String target = endpoint.getScheme() + "://" + endpoint.getRawAuthority() + endpoint.getRawPath()
                + "?httpMethod=POST&" + config.resilience().httpTimeoutOptions();
        from(TRANSPORT)
                .routeId("ai-chat")
                .errorHandler(noErrorHandler())
                .process(e -> e.setProperty(ATTEMPTS, e.getProperty(ATTEMPTS, 0, Integer.class) + 1))
                .process(e -> limiter.acquire())
                .process(e -> breaker.beforeCall())
                .process(e -> prepareRequest(e, endpoint.getRawQuery()))
                .doTry()
                .to(target)
                .process(e -> breaker.onSuccess())
                .doCatch(Exception.class)
                .process(e -> {
                    Exception caught = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    CamelRetries.honourRetryAfter(e, caught, config.maxBackoff());
                    throw ModelTransport.translate(caught, config.timeout(), breaker);
                })
                .end()
                .process(e -> e.getMessage().setBody(e.getMessage().getBody(String.class)));
    }

    /** A concern route: refused requests fail at once, transient failures are retried with backoff and jitter. */
    private void concern(String concern) {
        RouteDefinition route = from(uri(concern)).routeId("ai-" + concern);
        CamelRetries.retryTransient(
                route,
                config.resilience(),
                ModelUnavailableException.class,
                ModelUnavailableException.CircuitOpen.class);
        CamelRetries.failAtOnce(route, ModelCallException.class);
        route.process(e -> e.setProperty(BODY, e.getMessage().getBody(String.class)))
                .to(TRANSPORT);
    }

    /** Headers and body from the request kept in a property, so a redelivery sends the same request. */
    private void prepareRequest(Exchange e, String query) {
        var in = e.getMessage();
        in.removeHeaders("*");
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setHeader("Accept", "application/json");
        if (query != null) {
            in.setHeader(Exchange.HTTP_QUERY, query);
        }
        String[] auth = OpenAiWire.authHeader(config);
        if (auth != null) {
            in.setHeader(auth[0], auth[1]);
        }
        e.setProperty(Exchange.CHARSET_NAME, StandardCharsets.UTF_8.name());
        in.setBody(e.getProperty(BODY, String.class));
    }
}

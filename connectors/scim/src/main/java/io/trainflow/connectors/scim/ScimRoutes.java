package io.trainflow.connectors.scim;

import io.trainflow.connectors.resilience.CamelRetries;
import io.trainflow.connectors.resilience.CircuitBreaker;
import io.trainflow.connectors.resilience.HttpFailures;
import io.trainflow.connectors.resilience.RateLimiter;
import io.trainflow.connectors.scim.model.ScimError;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one concern of a read adapter, users, with its error policy declared on the route (refusals
 * and bad tokens fail at once; transient failures are retried with backoff and jitter), over a
 * transport route.
 */
class ScimRoutes extends RouteBuilder {

    static final String USERS = "direct:scim-users";
    private static final String HTTP = "direct:scim-http";
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A GET below the SCIM root and the generated model its answer is read into. */
    record Get(String path, String query, Class<?> type) {}

    private final ScimConfig config;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;

    ScimRoutes(ScimConfig config, CircuitBreaker breaker, RateLimiter limiter) {
        this.config = config;
        this.breaker = breaker;
        this.limiter = limiter;
    }

    @Override
    public void configure() {
        RouteDefinition route = from(USERS).routeId("scim-users");
        CamelRetries.failAtOnce(route, ScimException.Refused.class);
        CamelRetries.failAtOnce(route, ScimException.Unauthorized.class);
        CamelRetries.retryTransient(
                        route, config.resilience(), ScimException.Unavailable.class, ScimException.CircuitOpen.class)
                .process(e -> e.setProperty("scim.get", e.getMessage().getBody(Get.class)))
                .to(HTTP);

        // no error handler here: the concern's redelivery replays this whole step, HTTP call included
        from(HTTP)
                .routeId("scim-http")
                .errorHandler(noErrorHandler())
                .process(e -> limiter.acquire())
                .process(e -> breaker.beforeCall())
                .process(this::prepare)
                .doTry()
                .to(config.baseUrl() + "?" + config.resilience().httpTimeoutOptions())
                .process(e -> breaker.onSuccess())
                .doCatch(Exception.class)
                .process(e -> {
                    throw translate(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class), describe(e));
                })
                .end()
                .process(this::read);
    }

    private void prepare(Exchange e) {
        Get get = e.getProperty("scim.get", Get.class);
        Message in = e.getMessage();
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_METHOD, "GET");
        in.setHeader(Exchange.HTTP_PATH, get.path());
        if (get.query() != null) {
            in.setHeader(Exchange.HTTP_QUERY, get.query());
        }
        in.setHeader("Accept", "application/scim+json, application/json");
        in.setHeader("Authorization", "Bearer " + config.token().reveal());
        in.setBody(null);
    }

    private void read(Exchange e) {
        try {
            e.getMessage()
                    .setBody(JSON.readValue(
                            e.getMessage().getBody(byte[].class),
                            e.getProperty("scim.get", Get.class).type()));
        } catch (JacksonException notScim) {
            throw new IllegalStateException(
                    "the answer to " + describe(e) + " is not SCIM JSON; is " + config.baseUrl()
                            + " the SCIM root (the URL that /Users is below)?",
                    notScim);
        }
    }

    private static String describe(Exchange e) {
        return "GET " + e.getProperty("scim.get", Get.class).path();
    }

    private RuntimeException translate(Exception e, String call) {
        return HttpFailures.translate(
                e,
                "SCIM provider",
                call,
                breaker,
                (message, cause, retryAfter) -> new ScimException.Unavailable(message, cause),
                http -> {
                    int status = http.getStatusCode();
                    ScimError error = error(http.getResponseBody());
                    String detail = call + " -> HTTP " + status
                            + (error == null || error.getDetail() == null ? "" : ": " + error.getDetail());
                    if (status == 401 || status == 403) {
                        return new ScimException.Unauthorized(
                                status,
                                "the SCIM provider refused the bearer token from "
                                        + config.token().source() + " (" + detail + ")");
                    }
                    return new ScimException.Refused(
                            status,
                            error == null ? null : error.getScimType(),
                            "SCIM refused " + detail
                                    + (status == 404 && error == null ? " (is the base URL the SCIM root?)" : ""));
                });
    }

    private static ScimError error(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readValue(body, ScimError.class);
        } catch (JacksonException notJson) {
            return null;
        }
    }
}

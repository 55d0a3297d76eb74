package io.trainflow.connectors.orangehrm.route;

import io.trainflow.connectors.orangehrm.OrangeHrmConfig;
import io.trainflow.connectors.orangehrm.api.ApiCall;
import io.trainflow.connectors.orangehrm.api.OrangeHrmErrors;
import io.trainflow.connectors.orangehrm.api.OrangeHrmJson;
import io.trainflow.connectors.orangehrm.auth.OrangeHrmAuth;
import io.trainflow.connectors.orangehrm.error.OrangeHrmAuthException;
import io.trainflow.connectors.orangehrm.error.OrangeHrmBusinessException;
import io.trainflow.connectors.orangehrm.error.OrangeHrmUnavailableException;
import io.trainflow.connectors.resilience.CamelRetries;
import io.trainflow.connectors.resilience.CircuitBreaker;
import io.trainflow.connectors.resilience.RateLimiter;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import tools.jackson.core.JacksonException;

/**
 * One route per integration concern (employees and organisation, skills, training records,
 * performance reviews, authentication), each declaring its error policy, over two transport
 * routes (API calls, auth calls) without error handlers of their own: a concern's redelivery
 * replays the whole transport step (rate limit, breaker, credentials, HTTP call).
 * <p>A 401 on an API call renews the credentials once and retries (an expired or revoked access
 * token, a lost session); business and auth errors are never retried; transient ones are retried
 * with exponential backoff and jitter, then reach the caller as {@link OrangeHrmUnavailableException}.
 */
public class OrangeHrmRoutes extends RouteBuilder {

    public static final String EMPLOYEES = "direct:orangehrm-employees";
    public static final String SKILLS = "direct:orangehrm-skills";
    public static final String TRAINING = "direct:orangehrm-training";
    public static final String REVIEWS = "direct:orangehrm-reviews";
    public static final String AUTH = "direct:orangehrm-auth";
    private static final String API = "direct:orangehrm-api";
    private static final String AUTH_HTTP = "direct:orangehrm-auth-http";
    static final String CALL = "orangehrm.call";
    static final String SENT_CREDENTIALS = "orangehrm.credentials";
    static final String RENEW = "orangehrm.renew";

    private final OrangeHrmConfig config;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;
    private final Supplier<OrangeHrmAuth> auth;

    /** @param auth supplied lazily: the auth itself calls the {@link #AUTH} route */
    public OrangeHrmRoutes(
            OrangeHrmConfig config, CircuitBreaker breaker, RateLimiter limiter, Supplier<OrangeHrmAuth> auth) {
        this.config = config;
        this.breaker = breaker;
        this.limiter = limiter;
        this.auth = auth;
    }

    @Override
    public void configure() {
        for (String concern : new String[] {EMPLOYEES, SKILLS, TRAINING, REVIEWS}) {
            apiConcern(concern);
        }
        authConcern();

        String http = config.baseUrl() + "?" + config.resilience().httpTimeoutOptions();
        from(API)
                .routeId("orangehrm-api")
                .errorHandler(noErrorHandler())
                .process(e -> limiter.acquire())
                .process(e -> breaker.beforeCall())
                .process(this::prepareApiRequest)
                .doTry()
                .to(http)
                .process(e -> breaker.onSuccess())
                .doCatch(Exception.class)
                .process(e -> {
                    throw OrangeHrmErrors.translate(
                            e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class), call(e).describe(), breaker);
                })
                .end()
                .process(this::readApiAnswer);

        from(AUTH_HTTP)
                .routeId("orangehrm-auth-http")
                .errorHandler(noErrorHandler())
                .process(e -> limiter.acquire())
                .process(e -> breaker.beforeCall())
                .process(AuthRequests::prepare)
                .doTry()
                .to(http + "&throwExceptionOnFailure=false&followRedirects=false")
                .doCatch(Exception.class)
                .process(e -> {
                    throw OrangeHrmErrors.translate(
                            e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class),
                            AuthRequests.describe(e),
                            breaker);
                })
                .end()
                .process(e -> AuthRequests.answer(e, breaker));
    }

    /** API concern: a 401 renews credentials once; business errors fail at once; transient ones are retried. */
    private void apiConcern(String uri) {
        RouteDefinition route = concern(uri);
        route.onException(OrangeHrmAuthException.InvalidToken.class)
                .maximumRedeliveries(1)
                .redeliveryDelay(0)
                // the transport renews before the retry, so a failing refresh surfaces as its own typed error
                .onRedelivery(e -> e.setProperty(RENEW, true))
                .retryAttemptedLogLevel(LoggingLevel.INFO)
                .logExhaustedMessageHistory(false)
                .logExhaustedMessageBody(false)
                .handled(false);
        route.process(e -> e.setProperty(CALL, e.getMessage().getBody(ApiCall.class)))
                .to(API);
    }

    /** Auth concern: token endpoint and login form; transient failures retried, refusals returned as answers. */
    private void authConcern() {
        concern(AUTH)
                .process(e -> e.setProperty(AuthRequests.REQUEST, e.getMessage().getBody(AuthRequests.Request.class)))
                .to(AUTH_HTTP);
    }

    private RouteDefinition concern(String uri) {
        RouteDefinition route = from(uri).routeId(uri.substring("direct:".length()));
        CamelRetries.failAtOnce(route, OrangeHrmBusinessException.class);
        CamelRetries.failAtOnce(route, OrangeHrmAuthException.class);
        return CamelRetries.retryTransient(
                route,
                config.resilience(),
                OrangeHrmUnavailableException.class,
                OrangeHrmUnavailableException.CircuitOpen.class);
    }

    private void prepareApiRequest(Exchange e) throws Exception {
        ApiCall<?> call = call(e);
        if (Boolean.TRUE.equals(e.removeProperty(RENEW))) {
            @SuppressWarnings("unchecked")
            Map<String, String> rejected = e.getProperty(SENT_CREDENTIALS, Map.class);
            auth.get().renew(rejected == null ? Map.of() : rejected);
        }
        Message in = e.getMessage();
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_METHOD, call.method());
        in.setHeader(Exchange.HTTP_PATH, "/api/v2" + call.path());
        if (call.query() != null) {
            in.setHeader(Exchange.HTTP_QUERY, call.query());
        }
        in.setHeader("Accept", "application/json");
        Map<String, String> credentials = auth.get().headers();
        e.setProperty(SENT_CREDENTIALS, credentials);
        credentials.forEach(in::setHeader);
        if (call.body() != null) {
            in.setHeader(Exchange.CONTENT_TYPE, "application/json");
            in.setBody(OrangeHrmJson.MAPPER.writeValueAsBytes(call.body()));
        } else {
            in.setBody(null);
        }
    }

    private void readApiAnswer(Exchange e) {
        ApiCall<?> call = call(e);
        byte[] body = e.getMessage().getBody(byte[].class);
        try {
            e.getMessage()
                    .setBody(
                            body == null || body.length == 0
                                    ? null
                                    : OrangeHrmJson.MAPPER.readValue(body, call.resultType()));
        } catch (JacksonException notTheApi) {
            throw new IllegalStateException(
                    "OrangeHRM answered " + call.describe() + " with something that is not "
                            + "its JSON envelope; is the base URL the OrangeHRM root, ending in /web/index.php?",
                    notTheApi);
        }
    }

    static ApiCall<?> call(Exchange e) {
        return e.getProperty(CALL, ApiCall.class);
    }
}

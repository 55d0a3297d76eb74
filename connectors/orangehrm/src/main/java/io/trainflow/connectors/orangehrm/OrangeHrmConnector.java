package io.trainflow.connectors.orangehrm;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.orangehrm.auth.AuthHttp;
import io.trainflow.connectors.orangehrm.auth.OAuthAuthorization;
import io.trainflow.connectors.orangehrm.auth.OrangeHrmAuth;
import io.trainflow.connectors.orangehrm.auth.ServiceAccountSession;
import io.trainflow.connectors.orangehrm.auth.TokenStore;
import io.trainflow.connectors.orangehrm.error.OrangeHrmUnavailableException;
import io.trainflow.connectors.orangehrm.route.AuthRequests;
import io.trainflow.connectors.orangehrm.route.OrangeHrmRoutes;
import io.trainflow.connectors.resilience.CircuitBreaker;
import io.trainflow.connectors.resilience.HttpTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Starts the OrangeHRM routes in a Camel context of their own and hands out the {@link OrangeHrmHcm}
 * facade, the OAuth consent (for the CLI) and the connection check. One breaker and one rate
 * limiter per OrangeHRM, shared by all its routes, including the token endpoint.
 */
public final class OrangeHrmConnector implements AutoCloseable, ConnectionCheck {

    private final CamelContext camel;
    private final OrangeHrmConfig config;
    private final OrangeHrmCalls calls;
    private final OrangeHrmAuth auth;
    private final CircuitBreaker breaker;

    private OrangeHrmConnector(
            CamelContext camel,
            OrangeHrmConfig config,
            OrangeHrmCalls calls,
            OrangeHrmAuth auth,
            CircuitBreaker breaker) {
        this.camel = camel;
        this.config = config;
        this.calls = calls;
        this.auth = auth;
        this.breaker = breaker;
    }

    /**
     * @param tokens where OAuth tokens persist (a {@link io.trainflow.connectors.orangehrm.auth.JdbcTokenStore}
     *               on Trainflow's database); unused, may be null, for session login
     */
    public static OrangeHrmConnector start(OrangeHrmConfig config, TokenStore tokens, Clock clock) {
        CircuitBreaker breaker = config.resilience()
                .breaker(
                        config.system(),
                        (Duration remaining) ->
                                new OrangeHrmUnavailableException.CircuitOpen(config.system(), remaining));
        CamelContext camel = HttpTransport.ownRetriesOnly(new DefaultCamelContext());
        AtomicReference<OrangeHrmAuth> auth = new AtomicReference<>();
        try {
            // cookies are Trainflow's to send (session login), not the HTTP client's to replay
            camel.getComponent("http", HttpComponent.class).setCookieManagementDisabled(true);
            camel.getComponent("https", HttpComponent.class).setCookieManagementDisabled(true);
            camel.addRoutes(
                    new OrangeHrmRoutes(config, breaker, config.resilience().limiter(), auth::get));
            camel.start();
        } catch (Exception e) {
            camel.stop();
            throw new IllegalStateException("cannot start the OrangeHRM routes for " + config.system(), e);
        }
        ProducerTemplate template = camel.createProducerTemplate();
        AuthHttp http = (method, path, cookie, form) -> {
            try {
                return template.requestBody(
                        OrangeHrmRoutes.AUTH,
                        new AuthRequests.Request(method, path, cookie, form),
                        AuthHttp.Answer.class);
            } catch (CamelExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        };
        auth.set(
                config.auth() == OrangeHrmConfig.AuthMode.SESSION
                        ? new ServiceAccountSession(config, http)
                        : new OAuthAuthorization(config, tokens, http, clock));
        return new OrangeHrmConnector(camel, config, new OrangeHrmCalls(template), auth.get(), breaker);
    }

    public OrangeHrmHcm hcm() {
        return new OrangeHrmHcm(calls);
    }

    /** The OAuth consent flow for the CLI; empty with session login. */
    public Optional<OAuthAuthorization> oauth() {
        return auth instanceof OAuthAuthorization o ? Optional.of(o) : Optional.empty();
    }

    @Override
    public String system() {
        return OrangeHrmCheck.SYSTEM;
    }

    @Override
    public CheckResult check() {
        return new OrangeHrmCheck(config.baseUrl(), calls, oauth()).run();
    }

    /** For health reporting: true while calls fail fast. */
    public boolean circuitOpen() {
        return breaker.isOpen();
    }

    public CamelContext camel() {
        return camel;
    }

    @Override
    public void close() {
        camel.stop();
    }
}

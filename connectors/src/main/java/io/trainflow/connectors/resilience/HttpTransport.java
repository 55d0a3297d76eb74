package io.trainflow.connectors.resilience;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;

/**
 * The HTTP transport of a connector's Camel context. Apache HttpClient retries a 429 or 503 on its own
 * (POST included, after the server's {@code Retry-After}) whenever the response timeout exceeds one second:
 * an unseen extra write, a thread asleep for as long as the server asks, and retry counts that are not ours.
 * The routes' bounded retries with backoff are the only ones.
 */
public final class HttpTransport {

    private HttpTransport() {}

    /** Turns HttpClient's automatic retries off for both schemes; call before the routes start. */
    public static CamelContext ownRetriesOnly(CamelContext camel) {
        for (String scheme : List.of("http", "https")) {
            camel.getComponent(scheme, HttpComponent.class).setAutomaticRetriesDisabled(true);
        }
        return camel;
    }
}

package io.trainflow.connectors.orangehrm.route;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.trainflow.connectors.orangehrm.auth.AuthHttp;
import io.trainflow.connectors.orangehrm.error.OrangeHrmUnavailableException;
import io.trainflow.connectors.resilience.CircuitBreaker;
import io.trainflow.connectors.resilience.HttpFailures;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Builds the token and login requests and reads their answers. These endpoints answer with
 * redirects and OAuth error bodies that are meaningful, so only transient statuses are errors.
 */
public final class AuthRequests {

    static final String REQUEST = "orangehrm.auth.request";
    private static final String SESSION_COOKIE = "_orangehrm";

    public record Request(String method, String path, String cookie, Map<String, String> form) {
        @Override
        public String toString() {
            return method + " " + path; // form (secrets) and cookie stay out of logs
        }
    }

    private AuthRequests() {}

    static void prepare(Exchange e) {
        Request r = e.getProperty(REQUEST, Request.class);
        Message in = e.getMessage();
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_METHOD, r.method());
        in.setHeader(Exchange.HTTP_PATH, r.path());
        in.setHeader("Accept", "application/json");
        if (r.cookie() != null) {
            in.setHeader("Cookie", r.cookie());
        }
        if (r.form() != null) {
            StringJoiner form = new StringJoiner("&");
            r.form().forEach((k, v) -> form.add(URLEncoder.encode(k, UTF_8) + "=" + URLEncoder.encode(v, UTF_8)));
            in.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
            in.setBody(form.toString());
        } else {
            in.setBody(null);
        }
    }

    static String describe(Exchange e) {
        return String.valueOf(e.getProperty(REQUEST, Request.class));
    }

    static void answer(Exchange e, CircuitBreaker breaker) {
        Message out = e.getMessage();
        int status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (HttpFailures.isTransient(status)) {
            breaker.onFailure();
            Duration open = breaker.remainingOpen();
            throw new OrangeHrmUnavailableException(
                    "OrangeHRM answered HTTP " + status + " to " + describe(e), null, open.isZero() ? null : open);
        }
        breaker.onSuccess();
        out.setBody(new AuthHttp.Answer(
                status,
                out.getBody(String.class),
                out.getHeader("Location", String.class),
                sessionCookie(out.getHeader("Set-Cookie"))));
    }

    /** "_orangehrm=abc" from one or several Set-Cookie headers, or null. */
    private static String sessionCookie(Object header) {
        Collection<?> values = header instanceof Collection<?> c
                ? c
                : header == null ? java.util.List.of() : java.util.List.of(header);
        for (Object v : values) {
            for (String part : String.valueOf(v).split(";")) {
                String p = part.trim();
                if (p.startsWith(SESSION_COOKIE + "=")) {
                    return p;
                }
            }
        }
        return null;
    }
}

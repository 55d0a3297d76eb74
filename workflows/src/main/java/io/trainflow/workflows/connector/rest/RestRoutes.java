package io.trainflow.workflows.connector.rest;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * One route per concern over one shared transport route: {@link #CALL} makes the task's request, {@link #TOKEN}
 * asks an OAuth token endpoint for a client-credentials token. Neither retries on its own: Camunda's REST connector
 * is retried by its job ({@code retries} on the task, {@code retryBackoff} between attempts), and so is this one;
 * HttpClient's own hidden retries are off (see {@code HttpTransport}). A transport failure becomes a
 * {@link RestCallFailed} naming the call and what happened (refused, timed out), never the body.
 */
final class RestRoutes extends RouteBuilder {

    static final String CALL = "direct:rest-connector-call";
    static final String TOKEN = "direct:rest-connector-oauth-token";
    private static final String TRANSPORT = "direct:rest-connector-http";
    private static final String ENDPOINT = "restEndpoint";
    private static final String REQUEST = "restRequest";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void configure() {
        from(CALL).routeId("rest-connector-call").to(TRANSPORT);

        from(TOKEN)
                .routeId("rest-connector-oauth-token")
                .to(TRANSPORT)
                .process(e ->
                        e.getMessage().setBody(OAuthToken.read(e.getMessage().getBody(RestResponse.class))));

        from(TRANSPORT)
                .routeId("rest-connector-http")
                .errorHandler(noErrorHandler())
                .process(RestRoutes::prepare)
                .doTry()
                .toD("${exchangeProperty." + ENDPOINT + "}")
                .doCatch(Exception.class)
                .process(e -> {
                    throw failed(
                            e.getProperty(REQUEST, RestRequest.class),
                            e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
                })
                .end()
                .process(RestRoutes::read);
    }

    private static void prepare(Exchange exchange) {
        RestRequest request = exchange.getMessage().getBody(RestRequest.class);
        exchange.setProperty(REQUEST, request);
        Message message = exchange.getMessage();
        message.getHeaders().clear(); // only the request's own headers go on the wire
        message.getHeaders().putAll(request.headers());
        message.setHeader(Exchange.HTTP_METHOD, request.method());
        message.setHeader(Exchange.HTTP_URI, request.url());
        if (request.query() != null) {
            message.setHeader(Exchange.HTTP_QUERY, request.query());
        }
        message.setBody(request.body());
        String scheme = request.url().substring(0, request.url().indexOf(':')).toLowerCase(Locale.ROOT);
        long connect = request.connectTimeout().toMillis();
        long read = request.readTimeout().toMillis();
        // the host comes from the Exchange.HTTP_URI header; the endpoint carries the timeouts (Camel caches one per
        // set)
        exchange.setProperty(
                ENDPOINT,
                scheme + "://rest-connector?throwExceptionOnFailure=false&copyHeaders=false" + "&connectTimeout="
                        + connect + "&connectionRequestTimeout=" + connect + "&responseTimeout=" + read);
    }

    private static void read(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        Map<String, String> headers = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (value != null && !name.regionMatches(true, 0, "Camel", 0, 5)) {
                headers.put(name, String.valueOf(value));
            }
        });
        byte[] bytes = message.getBody(byte[].class);
        message.setBody(new RestResponse(status, headers, body(bytes, headers)));
    }

    /** JSON when it reads as JSON (as Camunda's connector does), else the text; no body is null. */
    private static Object body(byte[] bytes, Map<String, String> headers) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String type = headers.entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
        String start = text.stripLeading();
        if (type.contains("json") || start.startsWith("{") || start.startsWith("[")) {
            try {
                return JSON.readValue(text, Object.class);
            } catch (RuntimeException notJson) {
                return text;
            }
        }
        return text;
    }

    private static RestCallFailed failed(RestRequest request, Exception e) {
        String call = request == null ? "the REST call" : request.call();
        if (hasCause(e, SocketTimeoutException.class)) {
            return new RestCallFailed(
                    call + " timed out (read timeout " + request.readTimeout().toSeconds() + " s)", null, e);
        }
        if (hasCause(e, IOException.class)) {
            return new RestCallFailed(call + " failed: " + rootMessage(e), null, e);
        }
        return new RestCallFailed(call + " failed: " + e, null, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}

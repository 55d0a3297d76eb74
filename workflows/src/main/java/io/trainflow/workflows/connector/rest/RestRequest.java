package io.trainflow.workflows.connector.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP request, read from the connector's inputs as Camunda's REST connector reads them: the method in any
 * case, query parameters added to those already in the url, a context or list body sent as JSON (or as a form
 * when the Content-Type header says so), text sent as it is, 20 s connect and read timeouts by default.
 */
record RestRequest(
        String method,
        String url,
        String query,
        Map<String, String> headers,
        byte[] body,
        Duration connectTimeout,
        Duration readTimeout) {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the call is, for messages: method and url without its query (which may hold personal data). */
    String call() {
        return method + " " + url;
    }

    static RestRequest of(RestConnectorInput in) {
        String method = in.method() == null || in.method().isBlank()
                ? null
                : in.method().strip().toUpperCase(Locale.ROOT);
        if (method == null || !METHODS.contains(method)) {
            throw new BadConnectorInput("method '" + in.method() + "' is not one of " + METHODS);
        }
        if (in.url() == null || in.url().isBlank()) {
            throw new BadConnectorInput("url is missing");
        }
        URI uri;
        try {
            uri = URI.create(in.url().strip());
        } catch (IllegalArgumentException e) {
            throw new BadConnectorInput("url '" + in.url() + "' is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null
                || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw new BadConnectorInput("url '" + in.url() + "' is not an http(s) URL");
        }
        String base = in.url().strip();
        int q = base.indexOf('?');
        StringJoiner query = new StringJoiner("&");
        if (q >= 0) {
            if (q + 1 < base.length()) {
                query.add(base.substring(q + 1));
            }
            base = base.substring(0, q);
        }
        if (in.queryParameters() != null) {
            in.queryParameters().forEach((k, v) -> {
                if (v != null) {
                    query.add(encode(k) + "=" + encode(String.valueOf(v)));
                }
            });
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (in.headers() != null) {
            in.headers().forEach((k, v) -> {
                if (v != null) {
                    headers.put(k, String.valueOf(v));
                }
            });
        }
        byte[] body = body(in.body(), headers, method);
        return new RestRequest(
                method,
                base,
                query.length() == 0 ? null : query.toString(),
                headers,
                body,
                seconds(in.connectionTimeoutInSeconds(), "connectionTimeoutInSeconds"),
                seconds(in.readTimeoutInSeconds(), "readTimeoutInSeconds"));
    }

    /** The same request with one more header (authentication). */
    RestRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RestRequest(method, url, query, more, body, connectTimeout, readTimeout);
    }

    /** The same request with one more query parameter (an API key sent in the query). */
    RestRequest withQueryParameter(String name, String value) {
        String pair = encode(name) + "=" + encode(value);
        return new RestRequest(
                method, url, query == null ? pair : query + "&" + pair, headers, body, connectTimeout, readTimeout);
    }

    static String basic(String username, String password) {
        String pair = (username == null ? "" : username) + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] body(Object body, Map<String, String> headers, String method) {
        if (body == null || method.equals("GET") || method.equals("HEAD")) {
            return null;
        }
        String type = header(headers, "Content-Type");
        if (body instanceof String text) {
            if (type == null) {
                headers.put("Content-Type", "application/json");
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && body instanceof Map<?, ?> form) {
            StringJoiner pairs = new StringJoiner("&");
            form.forEach(
                    (k, v) -> pairs.add(encode(String.valueOf(k)) + "=" + encode(v == null ? "" : String.valueOf(v))));
            return pairs.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (type == null) {
            headers.put("Content-Type", "application/json");
        }
        return JSON.writeValueAsBytes(body);
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static Duration seconds(String text, String field) {
        if (text == null || text.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            long seconds = Long.parseLong(text.strip());
            if (seconds < 0) {
                throw new NumberFormatException("negative");
            }
            // 0 means "no timeout" in Camunda's connector; here it is the longest the transport allows
            return seconds == 0 ? Duration.ofMinutes(10) : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new BadConnectorInput(field + " '" + text + "' is not a whole number of seconds");
        }
    }
}

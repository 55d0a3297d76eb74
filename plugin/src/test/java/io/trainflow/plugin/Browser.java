package io.trainflow.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * What a browser does over HTTP, without a browser: keeps cookies, sends forms, follows nothing by
 * itself (the tests look at each redirect), asks for pages as text/html and for the API as JSON.
 */
final class Browser {

    private final CookieManager cookies = new LoopbackCookies();
    private final HttpClient http;

    Browser(SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        http = (tls == null ? builder : builder.sslContext(tls)).build();
    }

    HttpResponse<String> page(String url) {
        return send(request(url).header("Accept", "text/html").GET());
    }

    HttpResponse<String> api(String url) {
        return send(request(url).header("Accept", "application/json").GET());
    }

    HttpResponse<String> postJson(String url, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(url)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> postForm(String url, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(url)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError(
                        "Expected a redirect, got " + response.statusCode() + " " + response.body()));
    }

    /**
     * Browsers treat http://localhost and 127.0.0.1 as secure contexts and send Secure cookies there
     * (Keycloak's sign-in cookies are Secure); Java's cookie manager would not, so the flag is dropped for them.
     */
    private static final class LoopbackCookies extends CookieManager {
        LoopbackCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            boolean loopback = "http".equals(uri.getScheme())
                    && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
            if (!loopback) {
                super.put(uri, headers);
                return;
            }
            Map<String, List<String>> relaxed = new java.util.HashMap<>();
            headers.forEach((name, values) -> relaxed.put(
                    name,
                    name != null && name.equalsIgnoreCase("Set-Cookie")
                            ? values.stream()
                                    .map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", ""))
                                    .toList()
                            : values));
            super.put(uri, relaxed);
        }
    }

    private static HttpRequest.Builder request(String url) {
        // browsers send Sec-Fetch-Mode: Trainflow never answers them with a Basic challenge
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Sec-Fetch-Mode", "navigate");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

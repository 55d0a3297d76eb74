package io.trainflow.plugin.lti;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trainflow's server-to-server calls to a platform's services (token endpoint, Names and Roles): bounded in time
 * and size, no redirects followed (a bearer token must not travel elsewhere), every failure a
 * {@link ServiceFailed} naming the address and what went wrong.
 */
class PlatformCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    /** A platform service refused or failed: answered 502 with this message (never a person's data). */
    static final class ServiceFailed extends RuntimeException {
        ServiceFailed(String message) {
            super(message, null, false, false);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A platform's answer: status, headers and body (at most 4 MiB). */
    record Reply(int status, java.net.http.HttpHeaders headers, String body) {}

    Reply send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            if (response.body().length > MAX_BYTES) {
                throw new ServiceFailed(address(built.uri()) + " answered more than " + MAX_BYTES + " bytes.");
            }
            return new Reply(
                    response.statusCode(), response.headers(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceFailed(address(built.uri()) + " cannot be reached from Trainflow ("
                    + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceFailed("Trainflow is stopping: try again.");
        }
    }

    /** A JSON object whatever the content type (Moodle's token endpoint answers JSON as text/html). */
    static Map<String, Object> object(String body, String what) {
        try {
            Map<String, Object> json = JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
            if (json == null) {
                throw new ServiceFailed(what + " is empty.");
            }
            return json;
        } catch (JacksonException e) {
            throw new ServiceFailed(what + " is not a JSON object.");
        }
    }

    /** The address without its query (a query may carry ids). */
    static String address(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    }

    static URI httpUrl(String name, String value) {
        return httpUri(value)
                .orElseThrow(() -> new ServiceFailed("The platform's " + name + " is not an http(s) URL."));
    }

    /** The value as an absolute http(s) URL with a host, if it is one. */
    static java.util.Optional<URI> httpUri(String value) {
        try {
            URI uri = URI.create(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return java.util.Optional.of(uri);
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // not a URL
        }
        return java.util.Optional.empty();
    }
}

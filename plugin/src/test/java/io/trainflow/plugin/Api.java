package io.trainflow.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The Trainflow REST API over real HTTP, as one person (HTTP Basic) or nobody. */
class Api {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;
    private final HttpClient http;

    Api(int port, String username, String password) {
        this(
                "http://localhost:" + port,
                username == null
                        ? null
                        : "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)),
                HTTP);
    }

    /** @param authorization the Authorization header (Bearer ...), or null */
    Api(String base, String authorization, HttpClient http) {
        this.base = base;
        this.authorization = authorization;
        this.http = http;
    }

    /** The same person with one more header on every call (X-API-Key, X-Forwarded-For). */
    Api with(String header, String value) {
        Api parent = this;
        return new Api(base, authorization, http) {
            @Override
            HttpRequest.Builder request(String path) {
                return parent.request(path).header(header, value);
            }
        };
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method, with a JSON body or none. */
    Response call(String method, String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The caller's inbox, polled (up to 90 s: the shared app may be running another test's campaign) until the task of this request at this element shows up. */
    Map<String, Object> awaitTask(String requestId, String elementId) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            Optional<Map<String, Object>> task = get("/api/tasks").list().stream()
                    .filter(t -> requestId.equals(t.get("requestId")) && elementId.equals(t.get("elementId")))
                    .findFirst();
            if (task.isPresent()) {
                return task.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No '" + elementId + "' task of " + requestId + " appeared within 90 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Status and body of one call; the body read as JSON on demand. */
    record Response(int status, String body, HttpHeaders headers) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        Map<String, Object> object() {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
        }

        List<Map<String, Object>> list() {
            return JSON.readValue(body, new TypeReference<List<Map<String, Object>>>() {});
        }

        /** The message of a Problem body. */
        String message() {
            return String.valueOf(object().get("message"));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

package io.trainflow.tests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Trainflow's REST API as the README's walkthrough uses it, each call as a named person of the sample. */
final class Api {

    /** The application did not answer: it was killed (or is starting). */
    static final class Down extends RuntimeException {
        Down(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    record Answer(int status, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String user, String path, Object body) {
        try {
            return send(
                    user,
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Answer send(String user, HttpRequest.Builder request) {
        String auth =
                Base64.getEncoder().encodeToString((user + ":" + AppProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(
                    request.header("Authorization", "Basic " + auth)
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text));
        } catch (IOException e) {
            throw new Down(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Down(e);
        }
    }
}

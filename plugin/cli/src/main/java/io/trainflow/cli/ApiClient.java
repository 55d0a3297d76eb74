package io.trainflow.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** Connection options shared by the CLI commands that talk to a running Trainflow. */
public class ApiClient {

    @Option(
            names = "--url",
            description = "Trainflow base URL (default: TRAINFLOW_URL, else http://127.0.0.1:"
                    + "TRAINFLOW_PORT, else port 8080)")
    String url;

    @Option(
            names = {"--as", "--user"},
            defaultValue = "${env:TRAINFLOW_USER}",
            description = "who you are, signing in with a password (TRAINFLOW_PASSWORD or TRAINFLOW_DEMO_PASSWORD;"
                    + " embedded demo only); with TRAINFLOW_API_KEY set, the key's person instead")
    String user;

    /** Where credentials come from: the environment (tests pass their own). */
    Function<String, String> env = System::getenv;

    private static final Pattern NEXT_FIRST = Pattern.compile("[?&]first=(\\d+)[^>]*>; rel=\"next\"");

    /** --url, else TRAINFLOW_URL, else the server's own port setting on this machine, so both agree by default. */
    static String baseUrl(String option, Function<String, String> env) {
        if (option != null && !option.isBlank()) {
            return strip(option);
        }
        String configured = env.apply("TRAINFLOW_URL");
        if (configured != null && !configured.isBlank()) {
            return strip(configured);
        }
        String port = env.apply("TRAINFLOW_PORT");
        return "http://127.0.0.1:" + (port == null || port.isBlank() ? "8080" : port.strip());
    }

    private static String strip(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Where the URL came from, for the message when nothing answers there. */
    private String source() {
        if (url != null && !url.isBlank()) {
            return "--url";
        }
        return env.apply("TRAINFLOW_URL") != null
                ? "TRAINFLOW_URL"
                : env.apply("TRAINFLOW_PORT") != null ? "TRAINFLOW_PORT" : "the default port 8080";
    }

    int call(String method, String path, Object body) throws IOException, InterruptedException {
        String base = baseUrl(url, env);
        try {
            return send(base, method, path, body);
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
            System.err.println(
                    "No Trainflow server answers at " + base + " (from " + source() + "): "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + ". Start it, or point the CLI at it with --url or TRAINFLOW_URL (or TRAINFLOW_PORT on this machine).");
            return 2;
        }
    }

    private int send(String base, String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(base, method, path, body);
        if (response == null) {
            return 2;
        }
        if (!response.body().isBlank()) {
            try {
                JsonNode node = Json.MAPPER.readTree(response.body());
                System.out.println(Json.MAPPER.writeValueAsString(node));
            } catch (RuntimeException notJson) {
                System.out.println(response.body());
            }
        } else {
            System.out.println("HTTP " + response.statusCode());
        }
        // a paged answer (the inbox) says where the next page starts; keep stdout pure JSON
        response.headers()
                .firstValue("Link")
                .map(NEXT_FIRST::matcher)
                .filter(Matcher::find)
                .ifPresent(next -> System.err.println("More on the next page: --first " + next.group(1)));
        return response.statusCode() < 300 ? 0 : 1;
    }

    /** The server's answer, or null (said on stderr) when no credentials are set. */
    private HttpResponse<String> exchange(String base, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        String apiKey = env.apply("TRAINFLOW_API_KEY");
        String password = env.apply("TRAINFLOW_PASSWORD") != null
                ? env.apply("TRAINFLOW_PASSWORD")
                : env.apply("TRAINFLOW_DEMO_PASSWORD");
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("X-API-Key", apiKey.strip());
        } else if (user != null && password != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } else {
            System.err.println("Set TRAINFLOW_API_KEY (a key an admin created), or in the embedded demo --as and"
                    + " TRAINFLOW_PASSWORD (or TRAINFLOW_DEMO_PASSWORD)");
            return null;
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
        // built per call, not per command object: --help stays free of TLS and HTTP start-up
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code check-connections} through a running server: null when none answers (the caller runs the checks itself),
     * else the exit code, the findings printed one per line as the offline command prints them.
     */
    Integer checkThroughServer() throws IOException, InterruptedException {
        String base = baseUrl(url, env);
        try {
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
            return null; // no server here: the checks run in this process
        }
        HttpResponse<String> response = exchange(base, "POST", "/api/admin/connections/check", null);
        if (response == null) {
            System.err.println("A Trainflow server answers at " + base + ": it runs the checks for an admin, or use"
                    + " --offline to run them here (H2: with the server stopped).");
            return 2;
        }
        if (response.statusCode() != 200) {
            System.err.println("The server at " + base + " refused the check (HTTP " + response.statusCode() + "): "
                    + response.body() + "\nAn admin's API key (TRAINFLOW_API_KEY) or --as an admin runs it; --offline"
                    + " runs it here instead (H2: with the server stopped).");
            return 1;
        }
        JsonNode report = Json.MAPPER.readTree(response.body());
        for (JsonNode f : report.path("findings")) {
            System.out.println(f.path("system").asText() + "\t" + f.path("kind").asText() + "\t"
                    + f.path("check").asText() + ": " + f.path("detail").asText());
        }
        System.err.println("(checked by the running server at " + base + ")");
        return report.path("ok").asBoolean() ? 0 : 1;
    }
}

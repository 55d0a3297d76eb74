package io.trainflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CLI signs in with TRAINFLOW_API_KEY when it is set, and with the demo password otherwise; it finds the server
 * from --url, TRAINFLOW_URL or TRAINFLOW_PORT (issue 10: it ignored TRAINFLOW_PORT and answered a stopped server with
 * a bare ConnectException).
 */
class ApiClientTest {

    private final AtomicReference<Map<String, String>> received = new AtomicReference<>();
    private HttpServer server;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @BeforeEach
    void server() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String apiKey = exchange.getRequestHeaders().getFirst("X-API-Key");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            received.set(Map.of(
                    "X-API-Key",
                    apiKey == null ? "" : apiKey,
                    "Authorization",
                    authorization == null ? "" : authorization));
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.setOut(new PrintStream(new ByteArrayOutputStream()));
        System.setErr(new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void stop() {
        System.setOut(out);
        System.setErr(err);
        server.stop(0);
    }

    private ApiClient client(Map<String, String> env, String user) {
        ApiClient client = new ApiClient();
        client.url = "http://127.0.0.1:" + server.getAddress().getPort();
        client.user = user;
        client.env = env::get;
        return client;
    }

    @Test
    void anApiKeyIsSentAsXApiKeyAndNoPasswordWithIt() throws Exception {
        int exit = client(Map.of("TRAINFLOW_API_KEY", "tfk_abc", "TRAINFLOW_DEMO_PASSWORD", "demo"), "zoe.vincent")
                .call("GET", "/api/tasks", null);

        assertThat(exit).isZero();
        assertThat(received.get()).containsEntry("X-API-Key", "tfk_abc").containsEntry("Authorization", "");
    }

    @Test
    void withoutAKeyTheDemoPasswordSignsInAsTheGivenPerson() throws Exception {
        assertThat(client(Map.of("TRAINFLOW_DEMO_PASSWORD", "demo"), "zoe.vincent")
                        .call("GET", "/api/tasks", null))
                .isZero();
        assertThat(received.get().get("Authorization")).startsWith("Basic ");
    }

    @Test
    void withNeitherItSaysWhatToSet() throws Exception {
        assertThat(client(Map.of(), null).call("GET", "/api/tasks", null)).isEqualTo(2);
        assertThat(received.get()).isNull();
    }

    @Test
    void theServerIsFoundFromTheOptionTheUrlOrThePort() {
        assertThat(ApiClient.baseUrl("http://h:1/", Map.of("TRAINFLOW_URL", "http://x:2")::get))
                .isEqualTo("http://h:1");
        assertThat(ApiClient.baseUrl(null, Map.of("TRAINFLOW_URL", "http://x:2", "TRAINFLOW_PORT", "9")::get))
                .isEqualTo("http://x:2");
        assertThat(ApiClient.baseUrl(null, Map.of("TRAINFLOW_PORT", "8099")::get))
                .isEqualTo("http://127.0.0.1:8099");
        assertThat(ApiClient.baseUrl(null, Map.<String, String>of()::get)).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void noServerThereIsOneLineNamingTheUrlTried() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ApiClient client = new ApiClient();
        client.url = "http://127.0.0.1:" + port;
        client.user = "alice.martin";
        client.env = Map.of("TRAINFLOW_PASSWORD", "demo")::get;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = client.call("GET", "/api/tasks", null);
        } finally {
            System.setErr(before);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(said)
                .contains("No Trainflow server answers at http://127.0.0.1:" + port, "--url")
                .doesNotContain("\tat ");
    }
}

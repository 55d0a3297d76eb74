package io.trainflow.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI signs in with TRAINFLOW_API_KEY when it is set, and with the demo password otherwise. */
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
            received.set(Map.of("X-API-Key", apiKey == null ? "" : apiKey,
                    "Authorization", authorization == null ? "" : authorization));
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
        assertThat(client(Map.of("TRAINFLOW_DEMO_PASSWORD", "demo"), "zoe.vincent").call("GET", "/api/tasks", null))
                .isZero();
        assertThat(received.get().get("Authorization")).startsWith("Basic ");
    }

    @Test
    void withNeitherItSaysWhatToSet() throws Exception {
        assertThat(client(Map.of(), null).call("GET", "/api/tasks", null)).isEqualTo(2);
        assertThat(received.get()).isNull();
    }
}

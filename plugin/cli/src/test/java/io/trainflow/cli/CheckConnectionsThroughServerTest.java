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
import org.junit.jupiter.api.Test;

/**
 * {@code check-connections} beside a running server asks it (the embedded H2 file is the server's), prints its
 * findings as the offline command does and exits 1 when one failed; with no server it leaves the check to this process.
 */
class CheckConnectionsThroughServerTest {

    @Test
    void aRunningServerRunsTheChecksAndTheirFindingsArePrintedOnePerLine() throws Exception {
        AtomicReference<String> key = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/api/admin/connections/check", exchange -> {
            key.set(exchange.getRequestHeaders().getFirst("X-API-Key"));
            answer(
                    exchange,
                    200,
                    "{\"ok\":false,\"findings\":[{\"system\":\"moodle\",\"kind\":\"MISSING_PERMISSION\","
                            + "\"check\":\"enrol\",\"detail\":\"enrol/manual:enrol is missing\"},{\"system\":\"catalogue\","
                            + "\"kind\":\"OK\",\"check\":\"courses\",\"detail\":\"12 courses\"}]}");
        });
        server.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Integer exit;
        try {
            exit = client("http://127.0.0.1:" + server.getAddress().getPort()).checkThroughServer();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            server.stop(0);
        }

        assertThat(exit).as("a finding failed").isEqualTo(1);
        assertThat(key.get()).isEqualTo("tfk_admin");
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "moodle\tMISSING_PERMISSION\tenrol: enrol/manual:enrol is missing",
                        "catalogue\tOK\tcourses: 12 courses");
    }

    @Test
    void withNoServerTheChecksRunHere() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThat(client("http://127.0.0.1:" + port).checkThroughServer()).isNull();
    }

    private static ApiClient client(String url) {
        ApiClient client = new ApiClient();
        client.url = url;
        client.env = Map.of("TRAINFLOW_API_KEY", "tfk_admin")::get;
        return client;
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String json)
            throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}

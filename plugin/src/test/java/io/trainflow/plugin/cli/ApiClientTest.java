package io.trainflow.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10: the CLI ignored TRAINFLOW_PORT and answered a stopped server with a bare ConnectException. */
class ApiClientTest {

    @Test
    void theServerIsFoundFromTheOptionTheUrlOrThePort() {
        assertThat(ApiClient.baseUrl("http://h:1/", Map.of("TRAINFLOW_URL", "http://x:2")::get)).isEqualTo("http://h:1");
        assertThat(ApiClient.baseUrl(null, Map.of("TRAINFLOW_URL", "http://x:2", "TRAINFLOW_PORT", "9")::get))
                .isEqualTo("http://x:2");
        assertThat(ApiClient.baseUrl(null, Map.of("TRAINFLOW_PORT", "8099")::get)).isEqualTo("http://127.0.0.1:8099");
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
        assertThat(said).contains("No Trainflow server answers at http://127.0.0.1:" + port, "--url")
                .doesNotContain("\tat ");
    }
}

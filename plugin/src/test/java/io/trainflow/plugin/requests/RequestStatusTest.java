package io.trainflow.plugin.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10: `status` showed `openTasks: []` while an approval waited in a called process, because the asker may
 * not act on it. `waitingOn` lists every open task of the request and of what it called, whoever owns it. The
 * server listens on loopback by default, where this test reaches it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestStatusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void trainflow(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:status-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("trainflow.bpmn-dir", () -> "../bpmn");
        registry.add("trainflow.demo-password", () -> "demo");
        registry.add("trainflow.progress-sync", () -> "PT12H");
        registry.add("trainflow.hcm-sync", () -> "PT12H");
    }

    @Test
    void theRequesterSeesWhomTheRequestWaitsOnInTheCalledApproval() throws Exception {
        JsonNode started =
                call("POST", "/api/requests", "{\"employeeId\":\"1004\",\"justification\":\"Automate reports\"}");
        String requestId = started.get("businessKey").asString();

        JsonNode status = null;
        for (int i = 0; i < 100; i++) { // the steps before the approval run in the background
            status = call("GET", "/api/requests/" + requestId, null);
            if (!status.path("waitingOn").isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }

        assertThat(status.path("openTasks").isEmpty())
                .as("alice may not act on her own approval")
                .isTrue();
        assertThat(status.path("waitingOn")).singleElement().satisfies(task -> {
            assertThat(task.get("elementId").asString()).isEqualTo("approve");
            assertThat(task.get("processKey").asString())
                    .as("in the called approval step")
                    .isEqualTo("approval-step");
            assertThat(task.get("assignee").asString()).isEqualTo("sophie.laurent");
            assertThat(task.path("context").isEmpty())
                    .as("names and owners only")
                    .isTrue();
        });
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("alice.martin:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }
}

package io.trainflow.plugin.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.openai.OpenAiConfig;
import io.trainflow.connectors.ai.openai.OpenAiWire;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's binding of trainflow.ai.* reaches the model client as the environment path does. */
class AiPropertiesTest {

    @Test
    void azureApiVersionSetForTheServerReachesTheEndpoint() {
        OpenAiConfig config = properties("azure", "2025-01-01-preview")
                .settings(Map.of("TRAINFLOW_AI_API_KEY", "k"))
                .openAi();

        assertThat(OpenAiWire.endpoint(config).toString())
                .isEqualTo(
                        "https://acme.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2025-01-01-preview");
        assertThat(OpenAiWire.authHeader(config)).containsExactly("api-key", "k");
    }

    @Test
    void withoutAnApiVersionTheServerUsesTheSameDefaultAsTheEnvironmentPath() {
        OpenAiConfig server = properties("azure", " ").settings(Map.of()).openAi();
        OpenAiConfig env = OpenAiConfig.fromEnvironment(Map.of(
                "TRAINFLOW_AI_BASE_URL",
                "https://acme.openai.azure.com",
                "TRAINFLOW_AI_MODEL",
                "gpt-4o",
                "TRAINFLOW_AI_FLAVOUR",
                "azure"));

        assertThat(OpenAiWire.endpoint(server)).isEqualTo(OpenAiWire.endpoint(env));
    }

    private static AiProperties properties(String flavour, String azureApiVersion) {
        return new AiProperties(
                "https://acme.openai.azure.com",
                "gpt-4o",
                flavour,
                azureApiVersion,
                "json_schema",
                Duration.ofSeconds(30),
                3,
                "data/ai-cache",
                "quantised",
                null,
                Map.of(),
                "data/quiz-exports");
    }
}

package io.trainflow.connectors.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.port.PathReason;
import io.trainflow.connectors.ai.privacy.DataClassification;
import io.trainflow.connectors.ai.provenance.AiResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What goes over the wire to an OpenAI-compatible endpoint, and how its answer is used. */
class WireFormatTest {

    @Test
    void chatCompletionWithStrictJsonSchemaAndBearerKey() throws Exception {
        try (StubModel stub = new StubModel().answering(ModelFixtures::explainEveryItem);
                ModelAi ai = ModelFixtures.model(stub)) {
            AiResult<List<PathReason>> result = ai.explainPath(null, ModelFixtures.alicePath());

            assertThat(stub.received).hasSize(1);
            StubModel.Received r = stub.received.get(0);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + ModelFixtures.KEY);
            assertThat(r.header("Content-Type")).startsWith("application/json"); // Camel adds "; charset=UTF-8"
            JsonNode body = r.json();
            assertThat(body.get("model").asString()).isEqualTo("llama3.1:8b");
            assertThat(body.get("temperature").asInt()).isZero();
            assertThat(body.get("messages"))
                    .extracting(m -> m.get("role").asString())
                    .containsExactly("system", "user");
            assertThat(body.get("messages").get(0).get("content").asString()).isEqualTo(Prompts.SYSTEM);
            JsonNode format = body.get("response_format");
            assertThat(format.get("type").asString()).isEqualTo("json_schema");
            assertThat(format.get("json_schema").get("name").asString()).isEqualTo("path_explanations");
            assertThat(format.get("json_schema").get("strict").asBoolean()).isTrue();
            assertThat(format.get("json_schema").get("schema"))
                    .isEqualTo(Prompts.wireSchema(Prompts.EXPLAIN_PATH.schema()));
            assertThat(format.toString()).doesNotContain("maxLength", "minItems");
            assertThat(r.data().get("items"))
                    .extracting(i -> i.get("courseId").asString())
                    .containsExactly("103", "104");

            assertThat(result.value())
                    .extracting(PathReason::courseId, PathReason::skillId, PathReason::similarity)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("103", "python", 0.83),
                            org.assertj.core.groups.Tuple.tuple("104", "sql", 0.67));
            assertThat(result.value().get(0).explanation())
                    .isEqualTo("Python for Automation builds the learner's Python skills (similarity 0.83).");
            assertThat(result.provenance().engine()).isEqualTo("openai-compatible:llama3.1:8b");
            assertThat(result.provenance().templateVersion()).isEqualTo("model-explain-path/1");
            assertThat(result.provenance().inputHash()).matches("[0-9a-f]{64}");
            assertThat(result.provenance().fellBack()).isFalse();
        }
    }

    @Test
    void azureDeploymentUrlAndApiKeyHeader() throws Exception {
        try (StubModel stub = new StubModel().answering(ModelFixtures::explainEveryItem)) {
            OpenAiConfig azure = new OpenAiConfig(
                    java.net.URI.create(stub.baseUrl().replace("/v1", "")),
                    "tf-gpt4o",
                    ModelFixtures.KEY,
                    OpenAiConfig.Flavour.AZURE,
                    "2024-10-21",
                    null,
                    null,
                    1,
                    null,
                    null,
                    0,
                    null,
                    0);
            try (ModelAi ai = ModelFixtures.model(azure, DataClassification.defaults())) {
                ai.explainPath(null, ModelFixtures.alicePath());
            }
            StubModel.Received r = stub.received.get(0);
            assertThat(r.path()).isEqualTo("/openai/deployments/tf-gpt4o/chat/completions?api-version=2024-10-21");
            assertThat(r.header("api-key")).isEqualTo(ModelFixtures.KEY);
            assertThat(r.header("Authorization")).isNull();
        }
    }

    @Test
    void jsonObjectModeCarriesTheSchemaInTheSystemMessageAndStillValidates() throws Exception {
        try (StubModel stub =
                new StubModel().answering(r -> "```json\n" + ModelFixtures.explainEveryItem(r) + "\n```")) {
            OpenAiConfig deepseek = ModelFixtures.config(stub)
                    .withFormat(OpenAiConfig.Flavour.OPENAI, OpenAiConfig.ResponseFormat.JSON_OBJECT);
            AiResult<List<PathReason>> result;
            try (ModelAi ai = ModelFixtures.model(deepseek, DataClassification.defaults())) {
                result = ai.explainPath(null, ModelFixtures.alicePath());
            }
            JsonNode body = stub.received.get(0).json();
            assertThat(body.get("response_format").get("type").asString()).isEqualTo("json_object");
            assertThat(body.get("messages").get(0).get("content").asString()).contains("JSON schema", "\"reasons\"");
            assertThat(result.provenance().fellBack()).isFalse();
        }
    }

    @Test
    void noKeyConfiguredSendsNoAuthHeader() throws Exception {
        try (StubModel stub = new StubModel().answering(ModelFixtures::explainEveryItem)) {
            OpenAiConfig ollama = OpenAiConfig.of(stub.baseUrl(), "llama3.1", null);
            try (ModelAi ai = ModelFixtures.model(ollama, DataClassification.defaults())) {
                ai.explainPath(null, ModelFixtures.alicePath());
            }
            assertThat(stub.received.get(0).header("Authorization")).isNull();
        }
    }

    @Test
    void theKeyIsNeverInTheConfigurationsTextForm() {
        OpenAiConfig config = OpenAiConfig.of("http://localhost:11434/v1", "llama3.1", ModelFixtures.KEY);
        assertThat(config.toString()).doesNotContain(ModelFixtures.KEY).contains("apiKey=****");
        assertThat(OpenAiConfig.fromEnvironment(java.util.Map.of())).isNull();
    }
}

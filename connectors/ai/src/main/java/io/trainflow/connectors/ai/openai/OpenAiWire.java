package io.trainflow.connectors.ai.openai;

import java.net.URI;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole wire format of the OpenAI chat-completions API subset Trainflow uses, in one place: the
 * endpoint, the auth header, the request body with structured output, and reading the answer.
 */
public final class OpenAiWire {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiWire() {}

    public static URI endpoint(OpenAiConfig config) {
        String base = config.baseUrl().toString().replaceAll("/+$", "");
        if (config.flavour() == OpenAiConfig.Flavour.AZURE) {
            return URI.create(base + "/openai/deployments/" + config.model() + "/chat/completions?api-version="
                    + config.azureApiVersion());
        }
        return URI.create(base + "/chat/completions");
    }

    /** Header name and value carrying the key, or null when the endpoint needs none (a local Ollama). */
    public static String[] authHeader(OpenAiConfig config) {
        if (config.apiKey() == null || config.apiKey().isBlank()) {
            return null;
        }
        return config.flavour() == OpenAiConfig.Flavour.AZURE
                ? new String[] {"api-key", config.apiKey()}
                : new String[] {"Authorization", "Bearer " + config.apiKey()};
    }

    /**
     * A chat request asking for JSON that follows {@code schema}. With JSON_SCHEMA the server is asked to
     * enforce it (strict); with JSON_OBJECT the schema travels in the system message. Temperature 0: the
     * same inputs should give the same draft as far as the server allows.
     */
    public static String request(OpenAiConfig config, String system, String user, String schemaName, JsonNode schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", config.model());
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        String systemText = config.responseFormat() == OpenAiConfig.ResponseFormat.JSON_OBJECT
                ? system + "\nAnswer with one JSON object that validates against this JSON schema:\n" + schema
                : system;
        messages.addObject().put("role", "system").put("content", systemText);
        messages.addObject().put("role", "user").put("content", user);
        ObjectNode format = body.putObject("response_format");
        if (config.responseFormat() == OpenAiConfig.ResponseFormat.JSON_SCHEMA) {
            format.put("type", "json_schema");
            ObjectNode jsonSchema = format.putObject("json_schema");
            jsonSchema.put("name", schemaName);
            jsonSchema.put("strict", true);
            jsonSchema.set("schema", schema);
        } else {
            format.put("type", "json_object");
        }
        return JSON.writeValueAsString(body);
    }

    /** The JSON document the model answered with (choices[0].message.content, parsed). */
    public static JsonNode answer(String responseBody) {
        JsonNode response;
        try {
            response = JSON.readTree(responseBody);
        } catch (JacksonException e) {
            throw new ModelCallException("response is not JSON");
        }
        JsonNode choice = response.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (message.hasNonNull("refusal")) {
            throw new ModelCallException("model refused the request");
        }
        if ("length".equals(choice.path("finish_reason").asString(""))) {
            throw new ModelCallException("answer was cut off at the token limit");
        }
        JsonNode content = message.path("content");
        if (!content.isString() || content.asString().isBlank()) {
            throw new ModelCallException("response has no message content");
        }
        try {
            return JSON.readTree(stripFence(content.asString()));
        } catch (JacksonException e) {
            throw new ModelCallException("answer is not valid JSON");
        }
    }

    // some servers in json_object mode still wrap the JSON in a markdown fence
    private static String stripFence(String content) {
        String s = content.strip();
        if (s.startsWith("```")) {
            s = s.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return s;
    }
}

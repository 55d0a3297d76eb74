package io.trainflow.connectors.ai.openai;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One structured exchange: task and data out, a schema-valid JSON answer back or a reason why not. */
final class StructuredCall {

    private final OpenAiConfig config;
    private final ChatClient client;

    StructuredCall(OpenAiConfig config, ChatClient client) {
        this.config = config;
        this.client = client;
    }

    JsonNode ask(PromptTemplate template, ObjectNode data) {
        ObjectNode user = OpenAiWire.JSON.createObjectNode();
        user.put("task", template.task());
        user.set("data", data);
        String body = OpenAiWire.request(
                config,
                Prompts.SYSTEM,
                OpenAiWire.JSON.writeValueAsString(user),
                template.schemaName(),
                Prompts.wireSchema(template.schema()));
        JsonNode answer = OpenAiWire.answer(client.post(template.concern(), body));
        List<String> violations = SchemaCheck.violations(template.schema(), answer);
        if (!violations.isEmpty()) {
            throw new ModelCallException("answer breaks schema " + template.version() + ": "
                    + String.join("; ", violations.subList(0, Math.min(3, violations.size()))));
        }
        return answer;
    }
}

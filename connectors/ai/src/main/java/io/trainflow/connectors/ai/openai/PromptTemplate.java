package io.trainflow.connectors.ai.openai;

import tools.jackson.databind.JsonNode;

/**
 * One versioned prompt: the task sentence and the JSON schema of the answer. The version goes into the
 * provenance of every output it shaped; bump it whenever the task or the schema changes. The concern names
 * the Camel route the call goes through.
 */
public record PromptTemplate(String version, String concern, String schemaName, String task, JsonNode schema) {}

package io.trainflow.connectors.ai.wiring;

import io.trainflow.connectors.ai.embedding.MiniLmEmbedder;
import io.trainflow.connectors.ai.offline.OfflineAi;
import io.trainflow.connectors.ai.openai.OpenAiConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the AI module is configured with, read from the environment (the plugin may bind the same
 * names from its own configuration).
 *
 * <pre>
 * TRAINFLOW_AI_CACHE_DIR             course-vector cache directory (default ./data/ai-cache)
 * TRAINFLOW_AI_EMBEDDING_VARIANT     QUANTISED (default) or FULL (needs the full-model jar)
 * TRAINFLOW_AI_SIMILARITY_FLOOR      cosine regarded as unrelated (default 0.3)
 * TRAINFLOW_AI_PSEUDONYM_SECRET      key of the pseudonym codes, Base64; random per process when unset
 * TRAINFLOW_AI_CLASSIFICATION        overrides, e.g. "feedback.comments=NEVER_SEND,learner.justification=NEVER_SEND"
 * TRAINFLOW_AI_BASE_URL, _MODEL, _API_KEY, ...   the OpenAI-compatible endpoint, see {@link OpenAiConfig}
 * </pre>
 *
 * @param openAi null: offline only
 */
public record AiSettings(
        Path cacheDirectory,
        MiniLmEmbedder.Variant variant,
        double similarityFloor,
        byte[] pseudonymSecret,
        Map<String, String> classification,
        OpenAiConfig openAi) {

    public static AiSettings fromEnvironment(Map<String, String> env) {
        byte[] key = pseudonymKey(env.get("TRAINFLOW_AI_PSEUDONYM_SECRET"));
        String floor = env.get("TRAINFLOW_AI_SIMILARITY_FLOOR");
        return new AiSettings(
                Path.of(env.getOrDefault("TRAINFLOW_AI_CACHE_DIR", "data/ai-cache")),
                MiniLmEmbedder.Variant.parse(env.get("TRAINFLOW_AI_EMBEDDING_VARIANT")),
                floor == null ? OfflineAi.DEFAULT_FLOOR : Double.parseDouble(floor.strip()),
                key,
                parse(env.getOrDefault("TRAINFLOW_AI_CLASSIFICATION", "")),
                OpenAiConfig.fromEnvironment(env));
    }

    /** The pseudonym key from its Base64 text; random for this process when unset. */
    public static byte[] pseudonymKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key); // pseudonyms then stay stable for the life of the process
            return key;
        }
        return Base64.getDecoder().decode(base64.strip().getBytes(StandardCharsets.US_ASCII));
    }

    static Map<String, String> parse(String overrides) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : overrides.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return out;
    }

    /** The secret is never printed. */
    @Override
    public String toString() {
        return "AiSettings[cacheDirectory=" + cacheDirectory + ", variant=" + variant + ", similarityFloor="
                + similarityFloor + ", classification=" + classification + ", openAi=" + openAi + "]";
    }
}

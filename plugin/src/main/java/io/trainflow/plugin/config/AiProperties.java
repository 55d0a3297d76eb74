package io.trainflow.plugin.config;

import io.trainflow.connectors.ai.embedding.MiniLmEmbedder;
import io.trainflow.connectors.ai.offline.OfflineAi;
import io.trainflow.connectors.ai.openai.OpenAiConfig;
import io.trainflow.connectors.ai.wiring.AiSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code trainflow.ai.*} settings (see application.yml). The API key and the pseudonym secret are not
 * here: they come only from the environment ({@code TRAINFLOW_AI_API_KEY}, {@code TRAINFLOW_AI_PSEUDONYM_SECRET}).
 *
 * @param baseUrl          OpenAI-compatible endpoint, e.g. http://localhost:11434/v1; blank: offline engine only
 * @param model            model (Azure: deployment) name; required with a base URL
 * @param flavour          openai (Bearer key, {baseUrl}/chat/completions) or azure
 * @param azureApiVersion  Azure's api-version query parameter; blank: the client's default
 * @param responseFormat   json_schema, or json_object for servers without json_schema support
 * @param timeout          per model call; a timeout falls back to the offline result
 * @param maxAttempts      attempts on timeouts, 429 and 5xx before falling back
 * @param cacheDir         where course vectors are cached per catalogue version
 * @param embeddingVariant quantised (shipped default) or full
 * @param similarityFloor  cosine regarded as unrelated by the offline ranking
 * @param classification   field to PUBLIC / PSEUDONYMISE / NEVER_SEND overrides, e.g. learner.justification: NEVER_SEND
 * @param quizExportDir    folder reviewed quizzes are written to (GIFT and Moodle XML)
 */
@ConfigurationProperties(prefix = "trainflow.ai")
public record AiProperties(
        String baseUrl,
        String model,
        String flavour,
        String azureApiVersion,
        String responseFormat,
        Duration timeout,
        int maxAttempts,
        String cacheDir,
        String embeddingVariant,
        Double similarityFloor,
        Map<String, String> classification,
        String quizExportDir) {

    public AiProperties {
        cacheDir = blank(cacheDir) ? "data/ai-cache" : cacheDir;
        quizExportDir = blank(quizExportDir) ? "data/quiz-exports" : quizExportDir;
        classification = classification == null ? Map.of() : Map.copyOf(classification);
    }

    /** The AI module's settings, with the secrets read from {@code env}. */
    public AiSettings settings(Map<String, String> env) {
        return new AiSettings(
                Path.of(cacheDir),
                MiniLmEmbedder.Variant.parse(embeddingVariant),
                similarityFloor == null ? OfflineAi.DEFAULT_FLOOR : similarityFloor,
                AiSettings.pseudonymKey(env.get("TRAINFLOW_AI_PSEUDONYM_SECRET")),
                classification,
                openAi(env));
    }

    private OpenAiConfig openAi(Map<String, String> env) {
        if (blank(baseUrl)) {
            return null;
        }
        return new OpenAiConfig(
                        URI.create(baseUrl.strip()),
                        model,
                        env.get("TRAINFLOW_AI_API_KEY"),
                        blank(flavour)
                                ? null
                                : OpenAiConfig.Flavour.valueOf(flavour.strip().toUpperCase(Locale.ROOT)),
                        blank(azureApiVersion) ? null : azureApiVersion.strip(),
                        blank(responseFormat)
                                ? null
                                : OpenAiConfig.ResponseFormat.valueOf(
                                        responseFormat.strip().toUpperCase(Locale.ROOT)),
                        timeout,
                        maxAttempts,
                        null,
                        null,
                        0,
                        null,
                        0)
                .withBreakerFrom(env);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package io.trainflow.connectors.ai.openai;

import io.trainflow.connectors.resilience.Resilience;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach an OpenAI-compatible chat endpoint. The key is held here and sent in a header;
 * {@link #toString()} masks it so the configuration can be logged.
 *
 * @param baseUrl        e.g. http://localhost:11434/v1 (Ollama), http://vllm:8000/v1, https://api.openai.com/v1,
 *                       https://api.deepseek.com/v1, or for Azure the resource endpoint https://NAME.openai.azure.com
 * @param model          model name; for Azure the deployment name
 * @param flavour        OPENAI: POST {baseUrl}/chat/completions with a Bearer key; AZURE: POST
 *                       {baseUrl}/openai/deployments/{model}/chat/completions?api-version=… with an api-key header
 * @param responseFormat JSON_SCHEMA (OpenAI, Azure, vLLM, Ollama) or JSON_OBJECT for servers without
 *                       json_schema support (DeepSeek); either way the answer is validated here
 * @param maxAttempts    attempts per call on timeouts, 429 and 5xx before the step falls back offline
 * @param breakerThreshold consecutive failed calls (after their retries) that open the circuit breaker
 * @param breakerOpenFor how long the open breaker sends every step straight to the offline engine
 * @param callsPerSecond rate limit towards the endpoint, 0 for none
 */
public record OpenAiConfig(
        URI baseUrl,
        String model,
        String apiKey,
        Flavour flavour,
        String azureApiVersion,
        ResponseFormat responseFormat,
        Duration timeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        int breakerThreshold,
        Duration breakerOpenFor,
        double callsPerSecond) {

    public enum Flavour {
        OPENAI,
        AZURE
    }

    public enum ResponseFormat {
        JSON_SCHEMA,
        JSON_OBJECT
    }

    public OpenAiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("an OpenAI-compatible endpoint needs a model name");
        }
        flavour = flavour == null ? Flavour.OPENAI : flavour;
        azureApiVersion = azureApiVersion == null ? "2024-10-21" : azureApiVersion;
        responseFormat = responseFormat == null ? ResponseFormat.JSON_SCHEMA : responseFormat;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(8) : maxBackoff;
        breakerThreshold = breakerThreshold <= 0 ? 5 : breakerThreshold;
        breakerOpenFor = breakerOpenFor == null ? Duration.ofSeconds(30) : breakerOpenFor;
    }

    public static OpenAiConfig of(String baseUrl, String model, String apiKey) {
        return new OpenAiConfig(URI.create(baseUrl), model, apiKey, null, null, null, null, 0, null, null, 0, null, 0);
    }

    public OpenAiConfig withTimeout(Duration value) {
        return new OpenAiConfig(
                baseUrl,
                model,
                apiKey,
                flavour,
                azureApiVersion,
                responseFormat,
                value,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                breakerThreshold,
                breakerOpenFor,
                callsPerSecond);
    }

    public OpenAiConfig withRetries(int attempts, Duration initial, Duration max) {
        return new OpenAiConfig(
                baseUrl,
                model,
                apiKey,
                flavour,
                azureApiVersion,
                responseFormat,
                timeout,
                attempts,
                initial,
                max,
                breakerThreshold,
                breakerOpenFor,
                callsPerSecond);
    }

    public OpenAiConfig withFormat(Flavour f, ResponseFormat format) {
        return new OpenAiConfig(
                baseUrl,
                model,
                apiKey,
                f,
                azureApiVersion,
                format,
                timeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                breakerThreshold,
                breakerOpenFor,
                callsPerSecond);
    }

    public OpenAiConfig withBreaker(int threshold, Duration openFor) {
        return new OpenAiConfig(
                baseUrl,
                model,
                apiKey,
                flavour,
                azureApiVersion,
                responseFormat,
                timeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                threshold,
                openFor,
                callsPerSecond);
    }

    /**
     * Reads TRAINFLOW_AI_BASE_URL, TRAINFLOW_AI_MODEL, TRAINFLOW_AI_API_KEY, TRAINFLOW_AI_FLAVOUR,
     * TRAINFLOW_AI_RESPONSE_FORMAT, TRAINFLOW_AI_TIMEOUT_SECONDS, TRAINFLOW_AI_MAX_ATTEMPTS,
     * TRAINFLOW_AI_AZURE_API_VERSION. Null when no base URL is set: the offline engine is used.
     */
    public static OpenAiConfig fromEnvironment(Map<String, String> env) {
        String url = env.get("TRAINFLOW_AI_BASE_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        String flavour = env.get("TRAINFLOW_AI_FLAVOUR");
        String format = env.get("TRAINFLOW_AI_RESPONSE_FORMAT");
        String timeout = env.get("TRAINFLOW_AI_TIMEOUT_SECONDS");
        String attempts = env.get("TRAINFLOW_AI_MAX_ATTEMPTS");
        return new OpenAiConfig(
                URI.create(url.strip()),
                env.get("TRAINFLOW_AI_MODEL"),
                env.get("TRAINFLOW_AI_API_KEY"),
                flavour == null ? null : Flavour.valueOf(flavour.strip().toUpperCase(Locale.ROOT)),
                env.get("TRAINFLOW_AI_AZURE_API_VERSION"),
                format == null ? null : ResponseFormat.valueOf(format.strip().toUpperCase(Locale.ROOT)),
                timeout == null ? null : Duration.ofSeconds(Long.parseLong(timeout.strip())),
                attempts == null ? 0 : Integer.parseInt(attempts.strip()),
                null,
                null,
                (int) number(env, "TRAINFLOW_AI_BREAKER_THRESHOLD"),
                seconds(env, "TRAINFLOW_AI_BREAKER_OPEN_SECONDS"),
                number(env, "TRAINFLOW_AI_CALLS_PER_SECOND"));
    }

    /** This configuration with TRAINFLOW_AI_BREAKER_THRESHOLD, _BREAKER_OPEN_SECONDS and _CALLS_PER_SECOND applied. */
    public OpenAiConfig withBreakerFrom(Map<String, String> env) {
        return new OpenAiConfig(
                baseUrl,
                model,
                apiKey,
                flavour,
                azureApiVersion,
                responseFormat,
                timeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                (int) number(env, "TRAINFLOW_AI_BREAKER_THRESHOLD"),
                seconds(env, "TRAINFLOW_AI_BREAKER_OPEN_SECONDS"),
                number(env, "TRAINFLOW_AI_CALLS_PER_SECOND"));
    }

    private static long number(Map<String, String> env, String name) {
        String value = env.get(name);
        try {
            return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static Duration seconds(Map<String, String> env, String name) {
        long s = number(env, name);
        return s <= 0 ? null : Duration.ofSeconds(s);
    }

    /**
     * The shared connector policy the model routes apply: this timeout, maxAttempts - 1 redeliveries with
     * exponential backoff and jitter, the breaker and the rate limit.
     */
    public Resilience resilience() {
        return new Resilience(
                timeout, maxAttempts - 1, initialBackoff, maxBackoff, breakerThreshold, breakerOpenFor, callsPerSecond);
    }

    /** The key is never printed, only whether there is one. */
    @Override
    public String toString() {
        return "OpenAiConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null || apiKey.isBlank() ? "none" : "****")
                + ", flavour=" + flavour + ", responseFormat=" + responseFormat + ", timeout=" + timeout
                + ", maxAttempts=" + maxAttempts + ", breakerThreshold=" + breakerThreshold + ", breakerOpenFor="
                + breakerOpenFor
                + ", callsPerSecond=" + callsPerSecond + "]";
    }
}

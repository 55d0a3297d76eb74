package io.trainflow.connectors.ai.openai;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts chat requests with a per-request timeout, retrying timeouts, connection failures, 429 and 5xx
 * with exponential backoff and jitter (Retry-After honoured up to the maximum backoff), a bounded number
 * of times. Other 4xx are not retried: the request itself is wrong (bad key, unknown model). Logs carry
 * the status and attempt only, never the body or the key.
 */
public class ChatClient {

    private static final Logger LOG = LoggerFactory.getLogger(ChatClient.class);

    /** Waits between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final OpenAiConfig config;
    private final HttpClient http;
    private final Sleeper sleeper;

    public ChatClient(OpenAiConfig config) {
        this(config, d -> Thread.sleep(d.toMillis()));
    }

    public ChatClient(OpenAiConfig config, Sleeper sleeper) {
        this.config = config;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The response body of a successful call; a {@link ModelCallException} saying why otherwise. */
    public String post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(OpenAiWire.endpoint(config))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String[] auth = OpenAiWire.authHeader(config);
        if (auth != null) {
            request.header(auth[0], auth[1]);
        }
        String lastFailure = "no attempt";
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response.body();
                }
                lastFailure = "HTTP " + status;
                if (status != 429 && status / 100 != 5) {
                    throw new ModelCallException("model endpoint refused the request: " + lastFailure);
                }
                retryAfter = retryAfter(response.headers().firstValue("Retry-After"));
            } catch (HttpTimeoutException e) {
                lastFailure = "timed out after " + config.timeout().toMillis() + " ms";
            } catch (IOException e) {
                lastFailure = "connection failed (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelCallException("interrupted while calling the model", e);
            }
            LOG.warn("model call attempt {}/{} to {} failed: {}", attempt, config.maxAttempts(), config.model(), lastFailure);
            if (attempt < config.maxAttempts()) {
                pause(backoff(attempt, retryAfter));
            }
        }
        throw new ModelCallException("model unavailable after " + config.maxAttempts() + " attempts: " + lastFailure);
    }

    Duration backoff(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : retryAfter;
        }
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        // full jitter in the upper half: clients retrying together do not hit the server together
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static Duration retryAfter(Optional<String> header) {
        try {
            return header.map(String::strip).map(Long::parseLong).map(Duration::ofSeconds).orElse(null);
        } catch (NumberFormatException e) {
            return null; // an HTTP date: fall back to our own backoff
        }
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException("interrupted while waiting to retry", e);
        }
    }
}

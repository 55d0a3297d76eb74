package io.trainflow.plugin.config;

import io.trainflow.connectors.ai.embedding.BackgroundEmbedder;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/offlineAi}: the offline model loads after start-up. LOADING (HTTP 200, the application's
 * status stays UP: steps that rank wait for the model) until the model and the catalogue's vectors are in, then UP;
 * DOWN naming the reason if the model cannot load (ranking steps then fail into incidents). A catalogue that could
 * not be indexed in advance is a detail only: ranking embeds its candidates itself.
 */
@Component("offlineAi")
public class OfflineAiHealth implements HealthIndicator {

    static final Status LOADING = new Status("LOADING", "the offline model or the catalogue's vectors are loading");

    private final BackgroundEmbedder model;
    private volatile CompletableFuture<?> indexing = new CompletableFuture<>();

    public OfflineAiHealth(BackgroundEmbedder model) {
        this.model = model;
    }

    void indexing(CompletableFuture<?> indexing) {
        this.indexing = indexing;
    }

    @Override
    public Health health() {
        String modelState = model.state();
        String catalogue = BackgroundEmbedder.state(indexing);
        Health.Builder health = switch (modelState) {
            case "failed" ->
                Health.down().withDetail("reason", reason(model.failure().orElse(null)));
            case "loading" -> Health.status(LOADING);
            default -> "loading".equals(catalogue) ? Health.status(LOADING) : Health.up();
        };
        health.withDetail("model", model.name()).withDetail("modelState", modelState);
        health.withDetail("catalogueVectors", catalogue);
        BackgroundEmbedder.failure(indexing)
                .filter(e -> !"failed".equals(modelState))
                .ifPresent(e -> health.withDetail("catalogueVectorsFailure", reason(e)));
        return health.build();
    }

    private static String reason(Throwable e) {
        return e == null ? "unknown" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

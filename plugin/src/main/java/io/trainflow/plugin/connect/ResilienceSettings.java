package io.trainflow.plugin.connect;

import io.trainflow.connectors.resilience.Resilience;
import java.time.Duration;

/**
 * {@code trainflow.hcm.<type>.resilience.*}: how Trainflow treats an HCM that struggles. Each unset
 * value keeps {@link Resilience#defaults()}.
 */
public record ResilienceSettings(
        Duration timeout,
        Integer maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Integer breakerThreshold,
        Duration breakerOpenFor,
        Double callsPerSecond) {

    static Resilience of(ResilienceSettings s) {
        Resilience d = Resilience.defaults();
        if (s == null) {
            return d;
        }
        return new Resilience(
                or(s.timeout, d.timeout()),
                or(s.maxRetries, d.maxRetries()),
                or(s.initialBackoff, d.initialBackoff()),
                or(s.maxBackoff, d.maxBackoff()),
                or(s.breakerThreshold, d.breakerThreshold()),
                or(s.breakerOpenFor, d.breakerOpenFor()),
                or(s.callsPerSecond, d.callsPerSecond()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}

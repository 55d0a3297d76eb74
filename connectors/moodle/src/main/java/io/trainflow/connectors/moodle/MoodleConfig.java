package io.trainflow.connectors.moodle;

import io.trainflow.connectors.resilience.Resilience;
import java.time.Duration;

/**
 * Connection and resilience settings of one Moodle site (the {@code trainflow.moodle.*} section).
 *
 * @param baseUrl          site root, e.g. https://moodle.example.com (no trailing slash needed)
 * @param token            web-service token; from the environment or a secret file, never logged
 * @param timeout          connect and response timeout; Moodle's median is ~70 ms, 5 s is generous
 * @param maxRetries       redeliveries of a transient failure before it becomes an incident
 * @param initialBackoff   first retry delay, doubled per retry with jitter, capped at maxBackoff
 * @param breakerThreshold consecutive transient failures that open the circuit breaker
 * @param breakerOpenFor   how long the open breaker fails fast before letting one trial call through
 * @param callsPerSecond   rate limit towards this site, 0 for none
 * @param studentRoleId    Moodle role id used for enrolments (5 = student on a default site)
 */
public record MoodleConfig(
        String baseUrl,
        String token,
        Duration timeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        int breakerThreshold,
        Duration breakerOpenFor,
        double callsPerSecond,
        long studentRoleId) {

    public MoodleConfig {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Production defaults: 5 s timeout, 4 retries from 500 ms up to 8 s, breaker after 5 failures for 30 s. */
    public static MoodleConfig of(String baseUrl, String token) {
        return new MoodleConfig(
                baseUrl,
                token,
                Duration.ofSeconds(5),
                4,
                Duration.ofMillis(500),
                Duration.ofSeconds(8),
                5,
                Duration.ofSeconds(30),
                20,
                5);
    }

    /** The shared resilience settings these fields amount to. */
    public Resilience resilience() {
        return new Resilience(
                timeout, maxRetries, initialBackoff, maxBackoff, breakerThreshold, breakerOpenFor, callsPerSecond);
    }

    @Override
    public String toString() {
        return "MoodleConfig[" + baseUrl + ", token=***]";
    }
}

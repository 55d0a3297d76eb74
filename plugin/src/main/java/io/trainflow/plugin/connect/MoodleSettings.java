package io.trainflow.plugin.connect;

import io.trainflow.connectors.moodle.MoodleConfig;
import io.trainflow.connectors.moodle.completion.IncrementalCompletionPoll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * {@code trainflow.lms.moodle.*}. The token is not a property, so it never shows in a
 * configuration dump: it comes from the environment variable {@value #TOKEN_ENV} or, when that is
 * unset, from the file named by {@code token-file} (e.g. a mounted secret).
 *
 * @param baseUrl          site root, e.g. https://moodle.example.com
 * @param tokenFile        file holding the web-service token (whitespace trimmed)
 * @param timeout          connect and response timeout (Moodle's median is ~70 ms)
 * @param maxRetries       retries of a transient failure (unreachable, 5xx, 429), with backoff
 * @param initialBackoff   first retry delay, doubled per retry with jitter up to maxBackoff
 * @param breakerThreshold consecutive transient failures that open the circuit breaker
 * @param breakerOpenFor   how long the open breaker fails fast
 * @param callsPerSecond   rate limit towards Moodle, 0 for none
 * @param studentRoleId    Moodle role id given on enrolment (5 = student on a default site)
 * @param completionLag    how long after a learner's last course access Moodle's completion task may
 *                         still mark the course complete (the learner is checked again once it has passed)
 * @param completionSweep  how often every waiting learner is checked, access or not (teacher-marked,
 *                         date-based completion)
 */
public record MoodleSettings(
        String baseUrl,
        String tokenFile,
        Duration timeout,
        Integer maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Integer breakerThreshold,
        Duration breakerOpenFor,
        Double callsPerSecond,
        Long studentRoleId,
        Duration completionLag,
        Duration completionSweep) {

    public static final String TOKEN_ENV = "TRAINFLOW_MOODLE_TOKEN";

    /** The connector's configuration; defaults are {@link MoodleConfig#of}'s. */
    public MoodleConfig toConfig(Function<String, String> env) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalStateException("trainflow.lms.type=moodle needs trainflow.lms.moodle.base-url"
                    + " (TRAINFLOW_MOODLE_URL), the site root such as https://moodle.example.com");
        }
        MoodleConfig d = MoodleConfig.of(baseUrl.trim(), token(env));
        return new MoodleConfig(
                d.baseUrl(),
                d.token(),
                or(timeout, d.timeout()),
                or(maxRetries, d.maxRetries()),
                or(initialBackoff, d.initialBackoff()),
                or(maxBackoff, d.maxBackoff()),
                or(breakerThreshold, d.breakerThreshold()),
                or(breakerOpenFor, d.breakerOpenFor()),
                or(callsPerSecond, d.callsPerSecond()),
                or(studentRoleId, d.studentRoleId()));
    }

    /** The incremental completion poll's settings; defaults are the poll's. */
    public IncrementalCompletionPoll.Settings completionPoll() {
        IncrementalCompletionPoll.Settings d = IncrementalCompletionPoll.Settings.defaults();
        return new IncrementalCompletionPoll.Settings(
                or(completionLag, d.cronLag()), or(completionSweep, d.sweepInterval()), d.parallelism());
    }

    private String token(Function<String, String> env) {
        String fromEnv = env.apply(TOKEN_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        if (tokenFile == null || tokenFile.isBlank()) {
            throw new IllegalStateException("no Moodle token: set " + TOKEN_ENV
                    + " or trainflow.lms.moodle.token-file (TRAINFLOW_MOODLE_TOKEN_FILE)");
        }
        try {
            String token = Files.readString(Path.of(tokenFile)).trim();
            if (token.isEmpty()) {
                throw new IllegalStateException("the Moodle token file " + tokenFile + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the Moodle token file " + tokenFile + " (trainflow.lms.moodle.token-file)", e);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}

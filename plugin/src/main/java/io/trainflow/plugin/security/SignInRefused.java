package io.trainflow.plugin.security;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * A password sign-in not checked at all: too many failures lately (429), or too many checks already
 * running (503). Either way the caller may try again after {@link #retryAfter()}.
 */
final class SignInRefused extends AuthenticationException {

    private final HttpStatus status;
    private final Duration retryAfter;

    private SignInRefused(HttpStatus status, Duration retryAfter, String message) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    static SignInRefused delayed(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new SignInRefused(
                HttpStatus.TOO_MANY_REQUESTS,
                Duration.ofSeconds(seconds),
                "Too many failed sign-ins: try again in " + seconds + " s");
    }

    static SignInRefused busy() {
        return new SignInRefused(
                HttpStatus.SERVICE_UNAVAILABLE,
                Duration.ofSeconds(1),
                "Too many sign-ins at once: try again in a second");
    }

    HttpStatus status() {
        return status;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}

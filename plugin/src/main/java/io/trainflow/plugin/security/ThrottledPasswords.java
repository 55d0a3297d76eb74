package io.trainflow.plugin.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-ins (HTTP Basic and the login form) behind the {@link SignInThrottle}: a delayed
 * attempt is refused before its password is hashed, and at most a few hashes run at once, so a flood
 * of guesses costs the server little and leaves the API responsive for everyone else.
 */
final class ThrottledPasswords implements AuthenticationProvider {

    private static final Duration WAIT_FOR_A_CHECK = Duration.ofSeconds(5);

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final Semaphore checks;

    ThrottledPasswords(AuthenticationProvider passwords, SignInThrottle throttle, int concurrentChecks) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.checks = new Semaphore(concurrentChecks, true);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "unknown";
        Duration wait = throttle.waitBefore(account, address);
        if (!wait.isZero()) {
            throw SignInRefused.delayed(wait);
        }
        if (!acquire()) {
            throw SignInRefused.busy();
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(account, address);
            return signedIn;
        } catch (BadCredentialsException wrong) {
            throttle.failed(account, address);
            throw wrong;
        } finally {
            checks.release();
        }
    }

    private boolean acquire() {
        try {
            return checks.tryAcquire(WAIT_FOR_A_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package io.trainflow.connectors.orangehrm.auth;

import java.time.Instant;

/**
 * The tokens of one OAuth2 grant. OrangeHRM rotates the refresh token on every refresh (the old
 * one is spent), so the pair is always replaced together. Never printed.
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt) {

    /** True when the access token is past, or within {@code marginSeconds} of, its expiry. */
    public boolean expiresWithin(Instant now, long marginSeconds) {
        return expiresAt != null && !now.plusSeconds(marginSeconds).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "OAuthTokens[access=***, refresh=***, expiresAt=" + expiresAt + "]";
    }
}

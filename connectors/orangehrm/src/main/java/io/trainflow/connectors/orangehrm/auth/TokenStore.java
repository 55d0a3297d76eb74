package io.trainflow.connectors.orangehrm.auth;

import java.util.Optional;

/**
 * Where the OAuth2 tokens live between restarts. Keyed by connection (base URL and client id), so
 * two OrangeHRM instances, or two clients of one, do not overwrite each other.
 */
public interface TokenStore {

    Optional<OAuthTokens> load(String connection);

    void save(String connection, OAuthTokens tokens);

    void delete(String connection);
}

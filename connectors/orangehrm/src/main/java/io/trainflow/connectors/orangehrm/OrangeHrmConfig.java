package io.trainflow.connectors.orangehrm;

import io.trainflow.connectors.resilience.Resilience;
import io.trainflow.connectors.secret.Secret;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Connection settings of one OrangeHRM 5.x (the {@code TRAINFLOW_ORANGEHRM_*} variables; see
 * docs/CONNECTORS-HCM.md). Secrets are {@link Secret}s read from the environment or a secret file,
 * so printing this record prints where they come from, never what they are.
 *
 * @param baseUrl      the OrangeHRM root including the front controller, e.g.
 *                     https://hr.example.com/web/index.php (API under /api/v2, OAuth under /oauth2)
 * @param auth         AUTHORIZATION_CODE (OAuth2 client registered in OrangeHRM) or SESSION (service account)
 * @param clientId     OAuth client id (Admin > Configuration > Register OAuth Client); null for SESSION
 * @param clientSecret OAuth client secret; null for SESSION
 * @param redirectUri  the redirect URI registered with the client; the browser lands there with the code
 * @param username     service account for SESSION; null for AUTHORIZATION_CODE
 * @param password     its password; null for AUTHORIZATION_CODE
 * @param resilience   timeout (5 s), retries, backoff, breaker and rate limit towards this OrangeHRM
 */
public record OrangeHrmConfig(
        String baseUrl,
        AuthMode auth,
        String clientId,
        Secret clientSecret,
        String redirectUri,
        String username,
        Secret password,
        Resilience resilience) {

    public enum AuthMode {
        AUTHORIZATION_CODE,
        SESSION;

        /** "authorization_code" or "session"; client_credentials is refused by OrangeHRM and so here. */
        public static AuthMode parse(String value) {
            String v = value == null ? "authorization_code" : value.trim().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "authorization_code", "oauth" -> AUTHORIZATION_CODE;
                case "session" -> SESSION;
                case "client_credentials" ->
                    throw new IllegalArgumentException("TRAINFLOW_ORANGEHRM_AUTH="
                            + "client_credentials: OrangeHRM refuses that grant (400 unsupported_grant_type); use "
                            + "authorization_code (an administrator consents once) or session (a service account)");
                default ->
                    throw new IllegalArgumentException(
                            "TRAINFLOW_ORANGEHRM_AUTH must be authorization_code " + "or session, not '" + value + "'");
            };
        }
    }

    public OrangeHrmConfig {
        URI uri = URI.create(baseUrl.trim());
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("TRAINFLOW_ORANGEHRM_BASE_URL must be an absolute http(s) URL such as "
                    + "https://hr.example.com/web/index.php, not '" + baseUrl + "'");
        }
        baseUrl = baseUrl.trim().replaceAll("/+$", "");
        if (auth == AuthMode.AUTHORIZATION_CODE && (clientId == null || clientSecret == null || redirectUri == null)) {
            throw new IllegalArgumentException("OAuth needs TRAINFLOW_ORANGEHRM_CLIENT_ID, "
                    + "TRAINFLOW_ORANGEHRM_CLIENT_SECRET and TRAINFLOW_ORANGEHRM_REDIRECT_URI");
        }
        if (auth == AuthMode.SESSION && (username == null || password == null)) {
            throw new IllegalArgumentException(
                    "session login needs TRAINFLOW_ORANGEHRM_USERNAME and " + "TRAINFLOW_ORANGEHRM_PASSWORD");
        }
    }

    public static OrangeHrmConfig oauth(
            String baseUrl, String clientId, Secret clientSecret, String redirectUri, Resilience resilience) {
        return new OrangeHrmConfig(
                baseUrl, AuthMode.AUTHORIZATION_CODE, clientId, clientSecret, redirectUri, null, null, resilience);
    }

    public static OrangeHrmConfig session(String baseUrl, String username, Secret password, Resilience resilience) {
        return new OrangeHrmConfig(baseUrl, AuthMode.SESSION, null, null, null, username, password, resilience);
    }

    /** Reads TRAINFLOW_ORANGEHRM_*; each secret from its variable or from the file named by NAME_FILE. */
    public static OrangeHrmConfig fromEnvironment(Map<String, String> env) {
        String base = env.get("TRAINFLOW_ORANGEHRM_BASE_URL");
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("TRAINFLOW_ORANGEHRM_BASE_URL is not set");
        }
        Resilience resilience = Resilience.fromEnvironment("TRAINFLOW_ORANGEHRM", env);
        AuthMode mode = AuthMode.parse(env.get("TRAINFLOW_ORANGEHRM_AUTH"));
        return mode == AuthMode.SESSION
                ? session(
                        base,
                        env.get("TRAINFLOW_ORANGEHRM_USERNAME"),
                        Secret.fromEnvironment("TRAINFLOW_ORANGEHRM_PASSWORD", env),
                        resilience)
                : oauth(
                        base,
                        env.get("TRAINFLOW_ORANGEHRM_CLIENT_ID"),
                        Secret.fromEnvironment("TRAINFLOW_ORANGEHRM_CLIENT_SECRET", env),
                        env.get("TRAINFLOW_ORANGEHRM_REDIRECT_URI"),
                        resilience);
    }

    /** For messages and breaker names: "orangehrm https://hr.example.com/web/index.php". */
    public String system() {
        return "orangehrm " + baseUrl;
    }
}

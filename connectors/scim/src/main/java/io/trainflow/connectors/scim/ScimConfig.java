package io.trainflow.connectors.scim;

import io.trainflow.connectors.resilience.Resilience;
import io.trainflow.connectors.secret.Secret;
import java.net.URI;
import java.util.Map;

/**
 * Connection settings of one SCIM 2.0 provider (the {@code TRAINFLOW_SCIM_*} variables; see
 * docs/CONNECTORS-HCM.md).
 *
 * @param baseUrl            the SCIM root, e.g. https://idp.example.com/scim/v2 (Users under /Users)
 * @param token              bearer token, from the environment or a secret file, never logged
 * @param pageSize           count per page when listing users (providers may send fewer)
 * @param departmentFilter   ask the provider to filter by the enterprise department; when false, or when
 *                           the provider answers invalidFilter, all users are read and filtered here
 * @param resilience         timeout (5 s), retries, backoff, breaker and rate limit towards the provider
 */
public record ScimConfig(String baseUrl, Secret token, int pageSize, boolean departmentFilter, Resilience resilience) {

    public ScimConfig {
        URI uri = URI.create(baseUrl.trim());
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("TRAINFLOW_SCIM_BASE_URL must be an absolute http(s) URL such as "
                    + "https://idp.example.com/scim/v2, not '" + baseUrl + "'");
        }
        baseUrl = baseUrl.trim().replaceAll("/+$", "");
        if (pageSize < 1) {
            throw new IllegalArgumentException("TRAINFLOW_SCIM_PAGE_SIZE must be at least 1, not " + pageSize);
        }
    }

    public static ScimConfig fromEnvironment(Map<String, String> env) {
        String base = env.get("TRAINFLOW_SCIM_BASE_URL");
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("TRAINFLOW_SCIM_BASE_URL is not set");
        }
        String page = env.getOrDefault("TRAINFLOW_SCIM_PAGE_SIZE", "100");
        int pageSize;
        try {
            pageSize = Integer.parseInt(page.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TRAINFLOW_SCIM_PAGE_SIZE must be a whole number, not '" + page + "'");
        }
        return new ScimConfig(
                base,
                Secret.fromEnvironment("TRAINFLOW_SCIM_TOKEN", env),
                pageSize,
                !"false"
                        .equalsIgnoreCase(env.getOrDefault("TRAINFLOW_SCIM_DEPARTMENT_FILTER", "true")
                                .trim()),
                Resilience.fromEnvironment("TRAINFLOW_SCIM", env));
    }

    public String system() {
        return "scim " + baseUrl;
    }
}

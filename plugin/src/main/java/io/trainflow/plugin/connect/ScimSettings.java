package io.trainflow.plugin.connect;

import io.trainflow.connectors.scim.ScimConfig;
import java.util.function.Function;

/**
 * {@code trainflow.hcm.scim.*}. The bearer token is not a property: it comes from {@value #TOKEN_ENV}
 * or from the file named by {@code token-file}.
 *
 * @param baseUrl          the SCIM root, e.g. https://idp.example.com/scim/v2 (Users below it)
 * @param tokenFile        file holding the bearer token
 * @param pageSize         users per page (default 100)
 * @param departmentFilter false to never ask the provider to filter by department (default true)
 * @param resilience       timeout, retries, backoff, breaker, rate limit
 */
public record ScimSettings(
        String baseUrl, String tokenFile, Integer pageSize, Boolean departmentFilter, ResilienceSettings resilience) {

    public static final String TOKEN_ENV = "TRAINFLOW_SCIM_TOKEN";

    public ScimConfig toConfig(Function<String, String> env) {
        return new ScimConfig(
                SecretSetting.required(
                        baseUrl,
                        "trainflow.hcm.scim.base-url (TRAINFLOW_SCIM_BASE_URL)",
                        "https://idp.example.com/scim/v2"),
                SecretSetting.read(TOKEN_ENV, tokenFile, "trainflow.hcm.scim.token-file", env),
                pageSize == null ? 100 : pageSize,
                departmentFilter == null || departmentFilter,
                ResilienceSettings.of(resilience));
    }
}

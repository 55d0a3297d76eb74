package io.trainflow.plugin.connect;

import io.trainflow.connectors.orangehrm.OrangeHrmConfig;
import io.trainflow.connectors.orangehrm.OrangeHrmConfig.AuthMode;
import java.util.function.Function;

/**
 * {@code trainflow.hcm.orangehrm.*}. The client secret and the service-account password are not
 * properties: they come from {@value #CLIENT_SECRET_ENV} / {@value #PASSWORD_ENV} or from the file
 * named by {@code client-secret-file} / {@code password-file}.
 *
 * @param baseUrl          OrangeHRM root with the front controller, e.g. https://hr.example.com/web/index.php
 * @param auth             authorization_code (an administrator consents once: trainflow hcm-consent) or session
 * @param clientId         OAuth client id (Admin > Configuration > Register OAuth Client)
 * @param clientSecretFile file holding the OAuth client secret
 * @param redirectUri      the redirect URI registered with the client
 * @param username         service account for session login (Admin user role)
 * @param passwordFile     file holding its password
 * @param resilience       timeout, retries, backoff, breaker, rate limit
 */
public record OrangeHrmSettings(
        String baseUrl,
        String auth,
        String clientId,
        String clientSecretFile,
        String redirectUri,
        String username,
        String passwordFile,
        ResilienceSettings resilience) {

    public static final String CLIENT_SECRET_ENV = "TRAINFLOW_ORANGEHRM_CLIENT_SECRET";
    public static final String PASSWORD_ENV = "TRAINFLOW_ORANGEHRM_PASSWORD";
    private static final String P = "trainflow.hcm.orangehrm.";

    public OrangeHrmConfig toConfig(Function<String, String> env) {
        String base = SecretSetting.required(
                baseUrl, P + "base-url (TRAINFLOW_ORANGEHRM_BASE_URL)", "https://hr.example.com/web/index.php");
        if (AuthMode.parse(auth) == AuthMode.SESSION) {
            return OrangeHrmConfig.session(
                    base,
                    SecretSetting.required(username, P + "username", "trainflow-svc"),
                    SecretSetting.read(PASSWORD_ENV, passwordFile, P + "password-file", env),
                    ResilienceSettings.of(resilience));
        }
        return OrangeHrmConfig.oauth(
                base,
                SecretSetting.required(
                        clientId,
                        P + "client-id (TRAINFLOW_ORANGEHRM_CLIENT_ID)",
                        "the client id shown in Admin > Configuration > Register OAuth Client"),
                SecretSetting.read(CLIENT_SECRET_ENV, clientSecretFile, P + "client-secret-file", env),
                SecretSetting.required(
                        redirectUri,
                        P + "redirect-uri (TRAINFLOW_ORANGEHRM_REDIRECT_URI)",
                        "https://trainflow.example.com/oauth/callback"),
                ResilienceSettings.of(resilience));
    }
}

package io.trainflow.plugin.lti;

import java.util.List;

/**
 * An LTI 1.3 platform (a Moodle site) Trainflow is registered with: its launches are accepted only with its
 * issuer, Trainflow's client id there, one of its deployment ids and a signature by a key of its JWKS.
 *
 * @param id            Trainflow's id for the registration
 * @param issuer        the platform's {@code iss} (Moodle: its site URL)
 * @param clientId      Trainflow's client id at the platform: the launches' {@code aud}
 * @param authLoginUrl  the platform's OIDC authorisation endpoint the login redirects to
 * @param tokenUrl      the platform's OAuth 2 token endpoint (services: NRPS)
 * @param jwksUrl       the platform's public keys
 * @param deploymentIds the deployments of the tool on the platform
 */
public record Platform(
        String id,
        String name,
        String issuer,
        String clientId,
        String authLoginUrl,
        String tokenUrl,
        String jwksUrl,
        List<String> deploymentIds) {

    public Platform {
        deploymentIds = deploymentIds == null ? List.of() : List.copyOf(deploymentIds);
    }
}

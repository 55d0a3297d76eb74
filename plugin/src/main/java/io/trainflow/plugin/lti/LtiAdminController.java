package io.trainflow.plugin.lti;

import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.api.LtiAdminApi;
import io.trainflow.plugin.api.model.LtiPlatform;
import io.trainflow.plugin.api.model.LtiPlatformRequest;
import io.trainflow.plugin.api.model.LtiRegistrationLink;
import io.trainflow.plugin.api.model.LtiToolKey;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Admins register Moodle sites by hand (what Moodle's "Configure a tool manually" page shows), remove them, make
 * one-time URLs for dynamic registration, and rotate Trainflow's tool key; ADMIN only, as every {@code /api/admin/}
 * path, and audited.
 */
@RestController
class LtiAdminController implements LtiAdminApi {

    private final LtiPlatforms platforms;
    private final RegistrationLinks links;
    private final ToolKeys keys;
    private final AccessAudit audit;

    LtiAdminController(LtiPlatforms platforms, RegistrationLinks links, ToolKeys keys, AccessAudit audit) {
        this.platforms = platforms;
        this.links = links;
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<LtiRegistrationLink> createLtiRegistrationLink() {
        Instant expiresAt = links.expiresAt();
        String code = links.create(CurrentUser.name());
        audit.record(CurrentUser.name(), "lti-registration-link", "lti");
        String base = ServletUriComponentsBuilder.fromCurrentContextPath()
                .replaceQuery(null)
                .build()
                .toUriString();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new LtiRegistrationLink()
                        .url(base + "/lti/register?code=" + code)
                        .expiresAt(expiresAt.atOffset(ZoneOffset.UTC)));
    }

    @Override
    public ResponseEntity<List<LtiPlatform>> listLtiPlatforms() {
        return ResponseEntity.ok(
                platforms.all().stream().map(LtiAdminController::toApi).toList());
    }

    @Override
    public ResponseEntity<LtiPlatform> registerLtiPlatform(LtiPlatformRequest request) {
        Platform registered = platforms.register(
                new Platform(
                        null,
                        request.getName(),
                        request.getIssuer(),
                        request.getClientId(),
                        request.getAuthLoginUrl(),
                        request.getTokenUrl(),
                        request.getJwksUrl(),
                        request.getDeploymentIds()),
                CurrentUser.name());
        audit.record(CurrentUser.name(), "lti-register-platform", registered.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(toApi(registered));
    }

    @Override
    public ResponseEntity<Void> deleteLtiPlatform(String platformId) {
        if (!platforms.delete(platformId)) {
            throw new TrainflowProblem.NotFound("No LTI platform '" + platformId + "' is registered");
        }
        audit.record(CurrentUser.name(), "lti-delete-platform", platformId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<LtiToolKey>> listLtiToolKeys() {
        return ResponseEntity.ok(
                keys.info().stream().map(LtiAdminController::toApi).toList());
    }

    @Override
    public ResponseEntity<List<LtiToolKey>> rotateLtiToolKey() {
        List<ToolKeys.KeyInfo> rotated = keys.rotate();
        audit.record(CurrentUser.name(), "lti-rotate-tool-key", rotated.get(0).keyId());
        return ResponseEntity.ok(rotated.stream().map(LtiAdminController::toApi).toList());
    }

    static LtiPlatform toApi(Platform p) {
        return new LtiPlatform()
                .id(p.id())
                .name(p.name())
                .issuer(p.issuer())
                .clientId(p.clientId())
                .authLoginUrl(p.authLoginUrl())
                .tokenUrl(p.tokenUrl())
                .jwksUrl(p.jwksUrl())
                .deploymentIds(p.deploymentIds());
    }

    private static LtiToolKey toApi(ToolKeys.KeyInfo key) {
        return new LtiToolKey()
                .keyId(key.keyId())
                .state(LtiToolKey.StateEnum.fromValue(key.state()))
                .createdAt(key.createdAt() == null ? null : key.createdAt().atOffset(ZoneOffset.UTC))
                .servedUntil(
                        key.servedUntil() == null ? null : key.servedUntil().atOffset(ZoneOffset.UTC));
    }
}

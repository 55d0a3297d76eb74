package io.trainflow.plugin.lti;

import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.security.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins register Moodle sites by hand ({@code POST /api/admin/lti/platforms}, what Moodle's "Configure a tool
 * manually" page shows), make one-time URLs for dynamic registration, and list the platforms; ADMIN only, as every
 * {@code /api/admin/} path.
 */
@RestController
class LtiAdminController {

    /** A platform as an admin enters it: the values Moodle shows under "Tool configuration details". */
    record PlatformRequest(String name, String issuer, String clientId, String authLoginUrl, String tokenUrl,
                           String jwksUrl, List<String> deploymentIds) {
    }

    /** The URL a Moodle admin pastes into "Manage tools" (valid once, for a day). */
    record RegistrationLink(String url, java.time.Instant expiresAt) {
    }

    private final LtiPlatforms platforms;
    private final RegistrationLinks links;
    private final AccessAudit audit;

    LtiAdminController(LtiPlatforms platforms, RegistrationLinks links, AccessAudit audit) {
        this.platforms = platforms;
        this.links = links;
        this.audit = audit;
    }

    @PostMapping("/api/admin/lti/registration-links")
    ResponseEntity<RegistrationLink> registrationLink(jakarta.servlet.http.HttpServletRequest request) {
        java.time.Instant expiresAt = links.expiresAt();
        String code = links.create(CurrentUser.name());
        audit.record(CurrentUser.name(), "lti-registration-link", "lti");
        return ResponseEntity.status(HttpStatus.CREATED).body(new RegistrationLink(
                LtiController.base(request) + "/lti/register?code=" + code, expiresAt));
    }

    @GetMapping("/api/admin/lti/platforms")
    List<Platform> list() {
        return platforms.all();
    }

    @PostMapping("/api/admin/lti/platforms")
    ResponseEntity<Platform> register(@RequestBody PlatformRequest request) {
        Platform registered = platforms.register(new Platform(null, request.name(), request.issuer(), request.clientId(),
                request.authLoginUrl(), request.tokenUrl(), request.jwksUrl(), request.deploymentIds()), CurrentUser.name());
        audit.record(CurrentUser.name(), "lti-register-platform", registered.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(registered);
    }
}

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
 * manually" page shows) and list them; ADMIN only, as every {@code /api/admin/} path.
 */
@RestController
class LtiAdminController {

    /** A platform as an admin enters it: the values Moodle shows under "Tool configuration details". */
    record PlatformRequest(String name, String issuer, String clientId, String authLoginUrl, String tokenUrl,
                           String jwksUrl, List<String> deploymentIds) {
    }

    private final LtiPlatforms platforms;
    private final AccessAudit audit;

    LtiAdminController(LtiPlatforms platforms, AccessAudit audit) {
        this.platforms = platforms;
        this.audit = audit;
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

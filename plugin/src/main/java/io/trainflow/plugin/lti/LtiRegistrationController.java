package io.trainflow.plugin.lti;

import io.trainflow.plugin.access.AccessAudit;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Dynamic registration as Moodle's "Manage tools" page runs it: the Moodle admin pastes Trainflow's registration URL
 * (with the one-time code a Trainflow admin made), Moodle opens it with {@code openid_configuration} and
 * {@code registration_token}; Trainflow registers itself, stores the platform and shows what it registered.
 */
@RestController
class LtiRegistrationController {

    private final RegistrationLinks links;
    private final DynamicRegistration registration;
    private final LtiPlatforms platforms;
    private final AccessAudit audit;

    LtiRegistrationController(
            RegistrationLinks links, DynamicRegistration registration, LtiPlatforms platforms, AccessAudit audit) {
        this.links = links;
        this.registration = registration;
        this.platforms = platforms;
        this.audit = audit;
    }

    @GetMapping("/lti/register")
    ResponseEntity<String> register(
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "openid_configuration", required = false) String configuration,
            @RequestParam(name = "registration_token", required = false) String token,
            HttpServletRequest request) {
        if (!links.valid(code)) {
            throw new LaunchRefused(
                    403,
                    "This registration URL is not valid (unknown, used or older than a day): a"
                            + " Trainflow admin makes a new one (POST /api/admin/lti/registration-links).");
        }
        String base = LtiController.base(request);
        DynamicRegistration.Result result = registration.register(configuration, token, base);
        if (!links.use(code)) {
            throw new LaunchRefused(
                    403, "This registration URL was used meanwhile: a Trainflow admin makes a new one.");
        }
        Platform registered = platforms.register(result.platform(), "dynamic-registration");
        audit.record("dynamic-registration", "lti-register-platform", registered.id());
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page(registered, base));
    }

    private static String page(Platform p, String base) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Trainflow registered"
                + "</title><link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body><main id=\"main\">"
                + "<h1>Trainflow is registered</h1><p class=\"notice ok\" role=\"status\">" + esc(p.name()) + " can now"
                + " launch Trainflow. Moodle still asks an admin to activate the tool under Site administration &gt;"
                + " Plugins &gt; Activity modules &gt; External tool &gt; Manage tools.</p><dl id=\"registered\">"
                + row("Issuer", p.issuer()) + row("Client id", p.clientId())
                + row("Deployment id", String.join(", ", p.deploymentIds()))
                + row("Platform login (authorisation) URL", p.authLoginUrl())
                + row("Platform keys (JWKS)", p.jwksUrl()) + row("Platform token URL", p.tokenUrl())
                + row("Tool login URL", base + "/lti/login") + row("Tool launch (redirect) URL", base + "/lti/launch")
                + row("Tool keys (JWKS)", base + "/lti/jwks") + "</dl>"
                + "<button type=\"button\" id=\"close\">Done</button></main><script>document.getElementById('close')"
                + ".addEventListener('click',function(){(window.opener||window.parent).postMessage("
                + "{subject:'org.imsglobal.lti.close'},'*');});</script></body></html>";
    }

    private static String row(String name, String value) {
        return "<dt>" + esc(name) + "</dt><dd>" + esc(value == null ? "—" : value) + "</dd>";
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value);
    }
}

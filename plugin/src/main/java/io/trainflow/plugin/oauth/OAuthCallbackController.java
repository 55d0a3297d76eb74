package io.trainflow.plugin.oauth;

import io.trainflow.connectors.orangehrm.auth.OAuthAuthorization;
import io.trainflow.plugin.connect.Connections;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The OAuth redirect URI ({@code trainflow.hcm.orangehrm.redirect-uri} = {@code <Trainflow>/oauth/callback}): the
 * administrator's browser lands here after allowing Trainflow in OrangeHRM, and the consent completes in the browser.
 * Open without signing in, as the browser comes from OrangeHRM: the {@code state} must be one Trainflow signed with
 * the client secret, so a redirect Trainflow did not start is refused ({@link OAuthAuthorization#completeConsent(String)}).
 */
@RestController
public class OAuthCallbackController {

    private final Optional<OAuthAuthorization> oauth;

    public OAuthCallbackController(Connections connections) {
        this.oauth = connections.hcmConsent();
    }

    @GetMapping(value = "/oauth/callback", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> callback(HttpServletRequest request) {
        if (oauth.isEmpty()) {
            return page(
                    HttpStatus.CONFLICT,
                    "No consent to give",
                    "This Trainflow does not use OrangeHRM's OAuth consent"
                            + " (trainflow.hcm.type must be orangehrm with trainflow.hcm.orangehrm.auth=authorization_code).");
        }
        String redirect =
                request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        try {
            oauth.get().completeConsent(redirect);
            return page(
                    HttpStatus.OK,
                    "Trainflow is connected to OrangeHRM",
                    "The consent is stored; Trainflow refreshes"
                            + " its tokens from now on. You can close this page and run bin/trainflow check-connections.");
        } catch (RuntimeException e) {
            return page(
                    HttpStatus.BAD_REQUEST,
                    "Consent not completed",
                    e.getMessage()
                            + " Start again with bin/trainflow hcm-consent (the consent URL is valid for an hour).");
        }
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
        String t = HtmlUtils.htmlEscape(title);
        return ResponseEntity.status(status)
                .contentType(MediaType.TEXT_HTML)
                .body("<!doctype html><html><head>"
                        + "<meta charset=\"utf-8\"><title>" + t + "</title></head><body><h1>" + t + "</h1><p>"
                        + HtmlUtils.htmlEscape(text) + "</p></body></html>");
    }
}

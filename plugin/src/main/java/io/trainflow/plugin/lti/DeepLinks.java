package io.trainflow.plugin.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deep Linking 2.0: a teacher or admin adding Trainflow to a course or the dashboard gets two links placed, "Request
 * training" and "My training", answered to the platform as a {@code LtiDeepLinkingResponse} JWT signed with the
 * tool key (the platform checks it against {@code /lti/jwks}).
 */
class DeepLinks {

    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    private final ToolKeys keys;
    private final Clock clock;

    DeepLinks(ToolKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The page that posts the signed response back to the platform. */
    String answer(Launch launch, String base) {
        if (!launch.instructorOrAdmin()) {
            throw new LaunchRefused(403, "Only a teacher or an admin places Trainflow links in Moodle.");
        }
        if (launch.deepLinkReturn() == null) {
            throw new LaunchRefused("The deep-linking launch names no deep_link_return_url.");
        }
        return LtiPages.autoPost(launch.deepLinkReturn(), "JWT", keys.sign(response(launch, base)));
    }

    JWTClaimsSet response(Launch launch, String base) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(launch.platform().clientId())
                .audience(launch.platform().issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(Launch.LTI + "deployment_id", launch.deploymentId())
                .claim(Launch.LTI + "message_type", "LtiDeepLinkingResponse")
                .claim(Launch.LTI + "version", "1.3.0")
                .claim(
                        DL + "content_items",
                        List.of(
                                link(
                                        base,
                                        "Request training",
                                        "request",
                                        "Ask for training, with this course as your wish"),
                                link(base, "My training", "mine", "Your training requests and what waits for you")));
        if (launch.deepLinkData() != null) {
            claims.claim(DL + "data", launch.deepLinkData());
        }
        return claims.build();
    }

    private static Map<String, Object> link(String base, String title, String view, String text) {
        return Map.of(
                "type",
                "ltiResourceLink",
                "title",
                title,
                "text",
                text,
                "url",
                base + "/lti/launch",
                "custom",
                Map.of("trainflow_view", view));
    }
}

package io.trainflow.plugin.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * The embedded page's credentials: browsers in an iframe often refuse Trainflow's cookies (third-party), so the
 * launch hands the page a short-lived token instead, signed with the tool key and bound to the person. The page
 * sends it as {@link #HEADER} with each API call.
 */
class SessionTokens {

    static final String HEADER = "X-Trainflow-Launch";
    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final String AUDIENCE = "trainflow-lti-page";

    private final ToolKeys keys;
    private final Clock clock;

    SessionTokens(ToolKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    String issue(LtiPeople.Person person, Launch launch) {
        Instant now = clock.instant();
        return keys.sign(new JWTClaimsSet.Builder().issuer("trainflow").audience(AUDIENCE).subject(person.username())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME))).jwtID(UUID.randomUUID().toString())
                .claim("platform", launch.platform().id()).build());
    }

    /** The username a valid, unexpired token is bound to. */
    Optional<String> verify(String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return keys.verify(token)
                .filter(c -> "trainflow".equals(c.getIssuer()) && c.getAudience().contains(AUDIENCE))
                .filter(c -> c.getExpirationTime() != null && now.isBefore(c.getExpirationTime().toInstant()))
                .map(JWTClaimsSet::getSubject);
    }
}

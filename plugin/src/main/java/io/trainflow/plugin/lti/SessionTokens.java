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
    private final java.util.function.Predicate<String> platformRegistered;

    /** @param platformRegistered whether a platform is still registered (a removed one's pages stop working) */
    SessionTokens(ToolKeys keys, Clock clock, java.util.function.Predicate<String> platformRegistered) {
        this.keys = keys;
        this.clock = clock;
        this.platformRegistered = platformRegistered;
    }

    /**
     * What a page's calls know of their launch: who, from which platform, and the course with its membership
     * service (NRPS) when the launch offered one (signed by the platform, so the page cannot choose another course).
     */
    record Session(String username, String platformId, String course, String courseTitle, String membershipsUrl) {}

    String issue(LtiPeople.Person person, Launch launch) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("trainflow")
                .audience(AUDIENCE)
                .subject(person.username())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("platform", launch.platform().id());
        if (launch.membershipsUrl() != null) {
            claims.claim("memberships", launch.membershipsUrl())
                    .claim("course", launch.contextLabel() != null ? launch.contextLabel() : launch.contextId())
                    .claim("courseTitle", launch.contextTitle());
        }
        return keys.sign(claims.build());
    }

    /** The session of a valid, unexpired token. */
    Optional<Session> verify(String token) {
        if (token == null || token.length() > 4096) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return keys.verify(token)
                .filter(c ->
                        "trainflow".equals(c.getIssuer()) && c.getAudience().contains(AUDIENCE))
                .filter(c -> c.getExpirationTime() != null
                        && now.isBefore(c.getExpirationTime().toInstant()))
                .filter(c -> platformRegistered.test(text(c, "platform")))
                .map(c -> new Session(
                        c.getSubject(),
                        text(c, "platform"),
                        text(c, "course"),
                        text(c, "courseTitle"),
                        text(c, "memberships")));
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : value.toString();
    }
}

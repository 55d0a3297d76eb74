package io.trainflow.plugin.lti;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a launch completely (LTI 1.3 Core §5.1.3, Security Framework §5.1.3): the state Trainflow issued to this
 * browser for this platform, the signature by a key of the platform's JWKS, issuer, audience and {@code azp},
 * expiry and issue time with {@link #SKEW}, the nonce of that state and used once, the LTI version, message type
 * and a registered deployment. Each refusal names what is wrong; a refused launch changes nothing (the state and
 * nonce are used only by {@link LaunchStates#consume} once everything else passed).
 */
class LaunchValidator {

    static final Duration SKEW = Duration.ofSeconds(60);
    private static final Set<String> MESSAGE_TYPES = Set.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest");

    private final LtiPlatforms platforms;
    private final PlatformKeys keys;
    private final LaunchStates states;
    private final Clock clock;

    LaunchValidator(LtiPlatforms platforms, PlatformKeys keys, LaunchStates states, Clock clock) {
        this.platforms = platforms;
        this.keys = keys;
        this.states = states;
        this.clock = clock;
    }

    /**
     * @param stateCookie the state cookie the browser sent back, null when it sent none (third-party cookies
     *                    blocked): then the launch must come from the browser the login came from
     * @param browser     that browser's fingerprint ({@link LtiController#browser})
     * @param storageValue what the page read from the platform's storage frame (LTI client-side postMessages),
     *                    null when it read nothing; when the login used that storage, it binds the state instead
     *                    of the browser's fingerprint
     */
    Launch validate(String idToken, String state, String stateCookie, String browser, String storageValue) {
        if (idToken == null || idToken.isBlank()) {
            throw new LaunchRefused("The launch carries no id_token: Moodle must post the launch to /lti/launch.");
        }
        if (state == null || state.isBlank()) {
            throw new LaunchRefused("The launch carries no state: start it again from Moodle (a launch must follow"
                    + " Trainflow's login at /lti/login).");
        }
        SignedJWT jwt;
        JWTClaimsSet unverified;
        try {
            jwt = SignedJWT.parse(idToken);
            unverified = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LaunchRefused("The id_token is not a signed JWT.");
        }
        Platform platform = platform(unverified);
        LaunchStates.Pending pending = states.find(state)
                .orElseThrow(
                        () -> new LaunchRefused(
                                "The launch's state is not one Trainflow issued (or it is older than an hour): start it again from Moodle."));
        if (!pending.platformId().equals(platform.id())) {
            throw new LaunchRefused(
                    "The launch's state was issued for another platform than " + platform.issuer() + ".");
        }
        boolean bound = stateCookie != null
                ? stateCookie.equals(state)
                : pending.storageHash() != null
                        ? storageValue != null
                                && java.security.MessageDigest.isEqual(
                                        Secrets.sha256(storageValue)
                                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                                        pending.storageHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        : pending.browser().equals(browser);
        if (!bound) {
            throw new LaunchRefused("The launch's state does not belong to this browser: start it again from Moodle.");
        }
        JWTClaimsSet claims = verified(jwt, platform);
        String nonce = text(claims, "nonce");
        if (nonce == null || !nonce.equals(pending.nonce())) {
            throw new LaunchRefused("The id_token's nonce is not the one Trainflow sent with this login.");
        }
        if (states.nonceUsed(nonce) || pending.usedAt() != null) {
            throw new LaunchRefused(
                    "This launch was already used: a launch is accepted once. Start it again from Moodle.");
        }
        if (states.expired(pending)) {
            throw new LaunchRefused("The login took longer than " + LaunchStates.LIFETIME.toMinutes()
                    + " minutes: start it again from Moodle.");
        }
        Launch launch = launch(platform, claims);
        if (!states.consume(state, nonce)) {
            throw new LaunchRefused(
                    "This launch was already used: a launch is accepted once. Start it again from Moodle.");
        }
        return launch;
    }

    /** The registered platform the token claims to come from and be meant for (not trusted until verified). */
    private Platform platform(JWTClaimsSet unverified) {
        String issuer = unverified.getIssuer();
        List<Platform> candidates = issuer == null ? List.of() : platforms.byIssuer(issuer);
        if (candidates.isEmpty()) {
            throw new LaunchRefused("The issuer '" + issuer + "' is not a platform registered in Trainflow: an admin"
                    + " registers the Moodle site first (README, 'Inside Moodle').");
        }
        List<String> audience = unverified.getAudience();
        return candidates.stream()
                .filter(p -> audience.contains(p.clientId()))
                .findFirst()
                .orElseThrow(() -> new LaunchRefused("The id_token is meant for " + audience
                        + ", not for Trainflow's client id at " + issuer + "."));
    }

    private JWTClaimsSet verified(SignedJWT jwt, Platform platform) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys.of(platform)));
        DefaultJWTClaimsVerifier<SecurityContext> verifier =
                new DefaultJWTClaimsVerifier<>(
                        platform.clientId(),
                        new JWTClaimsSet.Builder().issuer(platform.issuer()).build(),
                        new HashSet<>(List.of("sub", "exp", "iat", "nonce", "aud", "iss"))) {
                    @Override
                    public Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        verifier.setMaxClockSkew((int) SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (ExpiredJWTException e) {
            throw new LaunchRefused("The id_token has expired: start the launch again from Moodle (check both"
                    + " clocks if this repeats).");
        } catch (BadJWSException e) {
            throw new LaunchRefused("The id_token's signature is not valid for any key of the platform's JWKS ("
                    + platform.jwksUrl() + ").");
        } catch (KeySourceException e) {
            throw new LaunchRefused(
                    502,
                    "The platform's keys could not be read from " + platform.jwksUrl()
                            + ": try again; if it repeats, check the platform's JWKS URL.");
        } catch (BadJOSEException e) {
            throw new LaunchRefused("The id_token was refused: " + e.getMessage() + ".");
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new LaunchRefused("The id_token's signature could not be checked: " + e.getMessage() + ".");
        }
        Date issued = claims.getIssueTime();
        if (issued.toInstant().isAfter(clock.instant().plus(SKEW))) {
            throw new LaunchRefused(
                    "The id_token was issued in the future (" + issued.toInstant() + "): check the platform's clock.");
        }
        String azp = text(claims, "azp");
        if (azp != null
                ? !azp.equals(platform.clientId())
                : claims.getAudience().size() > 1) {
            throw new LaunchRefused(
                    "The id_token's authorised party (azp) is '" + azp + "', not Trainflow's client id.");
        }
        return claims;
    }

    private static Launch launch(Platform platform, JWTClaimsSet claims) {
        if (!"1.3.0".equals(text(claims, Launch.LTI + "version"))) {
            throw new LaunchRefused(
                    "The launch is not LTI 1.3.0 (claim version: " + text(claims, Launch.LTI + "version") + ").");
        }
        String type = text(claims, Launch.LTI + "message_type");
        if (!MESSAGE_TYPES.contains(type)) {
            throw new LaunchRefused("Trainflow does not handle the LTI message type '" + type + "'.");
        }
        String deployment = text(claims, Launch.LTI + "deployment_id");
        if (deployment == null || !platform.deploymentIds().contains(deployment)) {
            throw new LaunchRefused("The deployment '" + deployment + "' is not registered for " + platform.issuer()
                    + ": an admin adds it to the platform's registration in Trainflow.");
        }
        Map<String, Object> context = map(claims, Launch.LTI + "context");
        Map<String, Object> ext = map(claims, Launch.LTI + "ext");
        Map<String, Object> deepLinking =
                map(claims, "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings");
        Map<String, Object> nrps = map(claims, "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice");
        Object roles = claims.getClaim(Launch.LTI + "roles");
        return new Launch(
                platform,
                deployment,
                type,
                claims.getSubject(),
                text(claims, "email"),
                string(ext.get("user_username")),
                text(claims, "name"),
                roles instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList()
                        : List.of(),
                string(context.get("id")),
                string(context.get("label")),
                string(context.get("title")),
                map(claims, Launch.LTI + "custom"),
                string(deepLinking.get("deep_link_return_url")),
                string(deepLinking.get("data")),
                string(nrps.get("context_memberships_url")));
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    private static Map<String, Object> map(JWTClaimsSet claims, String name) {
        try {
            Map<String, Object> value = claims.getJSONObjectClaim(name);
            return value == null ? Map.of() : value;
        } catch (ParseException e) {
            throw new LaunchRefused("The claim " + name + " is not a JSON object.");
        }
    }

    private static String string(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}

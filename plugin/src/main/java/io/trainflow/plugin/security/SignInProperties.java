package io.trainflow.plugin.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code trainflow.sign-in.*}: the organisation's OpenID Connect provider and the brute-force brake on
 * password sign-ins (see application.yml for the environment variables).
 *
 * @param oidc     the identity provider; unset issuer: none (the embedded demo signs in with the demo password)
 * @param throttle growing delays after failed password sign-ins
 */
@ConfigurationProperties(prefix = "trainflow.sign-in")
public record SignInProperties(Oidc oidc, Throttle throttle) {

    public SignInProperties {
        oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null, null, null, null, null, null) : oidc;
        throttle = throttle == null ? new Throttle(0, 0, null, null, null, null, 0) : throttle;
    }

    /**
     * @param issuerUri     the provider's issuer (its discovery document is read on first use)
     * @param audience      an access token must name it in {@code aud}
     * @param clientId      Trainflow's client at the provider, for browser sign-in; unset: API tokens only
     * @param clientSecret  from the environment; unset: a public client (PKCE only)
     * @param scopes        asked for at browser sign-in
     * @param usernameClaim the claim holding the username (the HCM's, tasks are assigned to it)
     * @param rolesFrom     where a person's roles come from: {@code claims} (the role claims of their token) or
     *                      {@code groups} (their groups in Trainflow's group store, read on every call)
     * @param roleClaims    claims (dotted paths into nested objects) whose values map to Trainflow's roles
     * @param adminValues   any of these values in a role claim (or group names) makes an ADMIN
     * @param auditorValues ... an AUDITOR
     * @param userValues    ... a USER; empty: everyone the provider signs in is a USER
     * @param clockSkew     tolerance on a token's expiry and not-before times
     */
    public record Oidc(
            String issuerUri,
            String audience,
            String clientId,
            String clientSecret,
            List<String> scopes,
            String usernameClaim,
            String rolesFrom,
            List<String> roleClaims,
            List<String> adminValues,
            List<String> auditorValues,
            List<String> userValues,
            Duration clockSkew) {

        public Oidc {
            audience = blank(audience) ? "trainflow" : audience;
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
            usernameClaim = blank(usernameClaim) ? "preferred_username" : usernameClaim;
            rolesFrom = blank(rolesFrom) ? CLAIMS : rolesFrom.strip().toLowerCase(java.util.Locale.ROOT);
            if (!CLAIMS.equals(rolesFrom) && !GROUPS.equals(rolesFrom)) {
                throw new IllegalArgumentException("trainflow.sign-in.oidc.roles-from (TRAINFLOW_OIDC_ROLES_FROM) is '"
                        + rolesFrom + "': use " + CLAIMS + " or " + GROUPS);
            }
            roleClaims = roleClaims == null || roleClaims.isEmpty()
                    ? List.of("realm_access.roles", "groups")
                    : List.copyOf(roleClaims);
            // unset: the provider's usual role names, or the group store's groups of the same purpose
            boolean groups = GROUPS.equals(rolesFrom);
            adminValues =
                    given(adminValues).isEmpty() ? List.of(groups ? "admins" : "trainflow-admin") : given(adminValues);
            auditorValues = given(auditorValues).isEmpty()
                    ? List.of(groups ? "auditors" : "trainflow-auditor")
                    : given(auditorValues);
            userValues = userValues == null ? List.of() : List.copyOf(userValues);
            clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        }

        public static final String CLAIMS = "claims";
        public static final String GROUPS = "groups";

        /** Roles come from Trainflow's group store, not from the token. */
        public boolean rolesFromGroups() {
            return GROUPS.equals(rolesFrom);
        }

        /** An identity provider is configured: the demo password is refused. */
        public boolean configured() {
            return !blank(issuerUri);
        }

        /** Browsers sign in at the provider too (OAuth2 login). */
        public boolean browserSignIn() {
            return configured() && !blank(clientId);
        }
    }

    /**
     * @param freeAccountFailures      failed sign-ins on one account before delays start
     * @param freeAddressFailures      failed sign-ins from one address before delays start
     * @param firstDelay               the first delay; each further failure doubles it
     * @param maxAccountDelay          the longest an account waits (short: a stranger must not lock anyone out)
     * @param maxAddressDelay          the longest an address waits
     * @param forgetAfter              failures are forgotten this long after the last one
     * @param concurrentPasswordChecks password hashes checked at once (the rest wait), so a flood of guesses
     *                                 leaves the other cores to everyone else
     */
    public record Throttle(
            int freeAccountFailures,
            int freeAddressFailures,
            Duration firstDelay,
            Duration maxAccountDelay,
            Duration maxAddressDelay,
            Duration forgetAfter,
            int concurrentPasswordChecks) {

        public Throttle {
            freeAccountFailures = freeAccountFailures <= 0 ? 5 : freeAccountFailures;
            freeAddressFailures = freeAddressFailures <= 0 ? 10 : freeAddressFailures;
            firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
            maxAccountDelay = maxAccountDelay == null ? Duration.ofSeconds(60) : maxAccountDelay;
            maxAddressDelay = maxAddressDelay == null ? Duration.ofMinutes(15) : maxAddressDelay;
            forgetAfter = forgetAfter == null ? Duration.ofMinutes(15) : forgetAfter;
            concurrentPasswordChecks = concurrentPasswordChecks <= 0
                    ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2)
                    : concurrentPasswordChecks;
        }
    }

    /** The non-blank entries of a configured list (an unset variable binds as one empty entry or none). */
    private static List<String> given(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().filter(v -> !blank(v)).map(String::strip).toList();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

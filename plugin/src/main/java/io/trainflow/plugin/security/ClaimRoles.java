package io.trainflow.plugin.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Trainflow's roles (USER, AUDITOR, ADMIN) from the values of the configured token claims (realm
 * roles, groups, ...), or, with {@code roles-from: groups}, from the person's groups in Trainflow's group store
 * (the username claim names the person; the token's own roles are then ignored). Which approval tasks a person
 * sees is not decided here: the engine's directory resolves candidate groups from the organisation.
 */
final class ClaimRoles {

    private final SignInProperties.Oidc oidc;
    private final Function<String, Set<String>> groupsOf;

    ClaimRoles(SignInProperties.Oidc oidc, Function<String, Set<String>> groupsOf) {
        this.oidc = oidc;
        this.groupsOf = groupsOf;
    }

    Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<String> values = new LinkedHashSet<>();
        if (oidc.rolesFromGroups()) {
            Object username = claims.get(oidc.usernameClaim());
            if (username instanceof String person) {
                values.addAll(groupsOf.apply(person));
            }
        } else {
            for (String claim : oidc.roleClaims()) {
                collect(at(claims, claim), values);
            }
        }
        List<GrantedAuthority> roles = new ArrayList<>();
        if (oidc.userValues().isEmpty() || oidc.userValues().stream().anyMatch(values::contains)) {
            roles.add(new SimpleGrantedAuthority("ROLE_USER"));
        }
        if (oidc.auditorValues().stream().anyMatch(values::contains)) {
            roles.add(new SimpleGrantedAuthority("ROLE_AUDITOR"));
        }
        if (oidc.adminValues().stream().anyMatch(values::contains)) {
            roles.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return roles;
    }

    /** The value at a dotted path ({@code realm_access.roles}), or null. */
    private static Object at(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }

    private static void collect(Object value, Set<String> into) {
        if (value instanceof Collection<?> many) {
            many.forEach(v -> collect(v, into));
        } else if (value instanceof String one) {
            // a group claim may carry full paths ("/admins"): the last segment names the group
            into.add(one);
            into.add(one.substring(one.lastIndexOf('/') + 1));
        }
    }
}

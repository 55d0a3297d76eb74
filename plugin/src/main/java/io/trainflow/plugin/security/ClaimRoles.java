package io.trainflow.plugin.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Trainflow's roles (USER, AUDITOR, ADMIN) from the values of the configured token claims (realm
 * roles, groups, ...). Which approval tasks a person sees is not decided here: the engine's directory
 * resolves candidate groups from the organisation.
 */
final class ClaimRoles {

    private final SignInProperties.Oidc oidc;

    ClaimRoles(SignInProperties.Oidc oidc) {
        this.oidc = oidc;
    }

    Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<String> values = new LinkedHashSet<>();
        for (String claim : oidc.roleClaims()) {
            collect(at(claims, claim), values);
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

package io.trainflow.plugin.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A call made with an API key: as the key's person, with the USER role (and ADMIN for an admin key). */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeys.Key key;

    ApiKeyAuthentication(ApiKeys.Key key) {
        super(authorities(key.scopes()));
        this.key = key;
        setAuthenticated(true);
    }

    Set<ApiKeyScope> scopes() {
        return key.scopes();
    }

    boolean allows(ApiKeyScope needed) {
        return key.scopes().contains(needed) || key.scopes().contains(ApiKeyScope.ADMIN);
    }

    @Override
    public String getName() {
        return key.username();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key.username();
    }

    private static List<GrantedAuthority> authorities(Set<ApiKeyScope> scopes) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (scopes.contains(ApiKeyScope.ADMIN)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        scopes.forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s.value())));
        return authorities;
    }
}

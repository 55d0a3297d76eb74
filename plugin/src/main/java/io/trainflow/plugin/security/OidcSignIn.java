package io.trainflow.plugin.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sign-in through the organisation's OpenID Connect provider. Its discovery document is read on first
 * use, not at start-up, so Trainflow starts while the provider is down. An access token is accepted
 * only when signed by the provider's keys, issued by the configured issuer, meant for the configured
 * audience, within its validity and naming a username.
 */
final class OidcSignIn {

    static final String REGISTRATION = "oidc";

    private final SignInProperties.Oidc oidc;
    private final ClaimRoles roles;
    private final JwtDecoder decoder;

    /** @param groupsOf a person's groups in Trainflow's group store (for {@code roles-from: groups}) */
    OidcSignIn(SignInProperties.Oidc oidc, Function<String, Set<String>> groupsOf) {
        this.oidc = oidc;
        this.roles = new ClaimRoles(oidc, groupsOf);
        this.decoder = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder nimbus =
                    NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
            nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(oidc.clockSkew()),
                    new JwtIssuerValidator(oidc.issuerUri()),
                    new JwtClaimValidator<List<String>>(
                            JwtClaimNames.AUD, aud -> aud != null && aud.contains(oidc.audience())),
                    new JwtClaimValidator<Object>(oidc.usernameClaim(), Objects::nonNull)));
            return nimbus;
        });
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /** A bearer token's person (the username claim) and roles (the role claims). */
    JwtAuthenticationConverter tokens() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(oidc.usernameClaim());
        converter.setJwtGrantedAuthoritiesConverter(jwt -> roles.authorities(jwt.getClaims()));
        return converter;
    }

    /** Trainflow as the provider's client, registered on first use. */
    ClientRegistrationRepository clients() {
        Supplier<ClientRegistration> registration = SingletonSupplier.of(() -> {
            ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                    .registrationId(REGISTRATION)
                    .clientId(oidc.clientId())
                    .scope(oidc.scopes())
                    .userNameAttributeName(oidc.usernameClaim())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    // PKCE for confidential clients too (public ones always use it)
                    .clientSettings(ClientRegistration.ClientSettings.builder()
                            .requireProofKey(true)
                            .build());
            if (SignInProperties.blank(oidc.clientSecret())) {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
            } else {
                builder.clientSecret(oidc.clientSecret());
            }
            return builder.build();
        });
        return id -> REGISTRATION.equals(id) ? registration.get() : null;
    }

    /**
     * A browser's person, with roles from the ID token, the user info and the access token (providers
     * such as Keycloak put realm roles in the access token only).
     */
    OAuth2UserService<OidcUserRequest, OidcUser> people() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Map<String, Object> claims = new HashMap<>(user.getClaims());
            try {
                Jwt access = decoder.decode(request.getAccessToken().getTokenValue());
                access.getClaims().forEach(claims::putIfAbsent);
            } catch (JwtException notOurs) {
                // an opaque access token, or one meant for another audience: the ID token's claims alone
            }
            java.util.Collection<GrantedAuthority> authorities = roles.authorities(claims);
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), oidc.usernameClaim());
        };
    }
}

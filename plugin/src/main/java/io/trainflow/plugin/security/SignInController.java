package io.trainflow.plugin.security;

import io.trainflow.plugin.api.SignInApi;
import io.trainflow.plugin.api.model.ApiKey;
import io.trainflow.plugin.api.model.ApiKeyCreated;
import io.trainflow.plugin.api.model.ApiKeyRequest;
import io.trainflow.plugin.api.model.Me;
import io.trainflow.plugin.connect.Connections;
import io.trainflow.plugin.requests.People;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is; admins create, list and revoke API keys. */
@RestController
public class SignInController implements SignInApi {

    private final ApiKeys keys;
    private final Connections connections;
    private final Directory directory;

    private final People people;

    public SignInController(ApiKeys keys, Connections connections, Directory directory, People people) {
        this.keys = keys;
        this.connections = connections;
        this.directory = directory;
        this.people = people;
    }

    @Override
    public ResponseEntity<Me> whoAmI() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        List<String> roles = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .sorted()
                .toList();
        String signedInWith = caller instanceof ApiKeyAuthentication
                ? "api-key"
                : caller instanceof JwtAuthenticationToken
                        ? "jwt"
                        : caller instanceof OAuth2AuthenticationToken
                                ? "oidc"
                                : caller instanceof UsernamePasswordAuthenticationToken ? "password" : "other";
        Me me = people.describe(new Me(CurrentUser.name(), List.of(), roles, signedInWith));
        if (caller instanceof ApiKeyAuthentication key) {
            me.scopes(key.scopes().stream().map(ApiKeyScope::value).toList());
        }
        return ResponseEntity.ok(me);
    }

    @Override
    public ResponseEntity<ApiKeyCreated> createApiKey(ApiKeyRequest request) {
        String name = required(request.getName(), "name", 100);
        String username = required(request.getUsername(), "username", 200);
        ApiKeys.requireKnownPerson(username, "username", connections.hcm(), directory::groupsOf);
        Set<ApiKeyScope> scopes = ApiKeyScope.parse(request.getScopes(), "scopes");
        Instant expiresAt =
                request.getExpiresAt() == null ? null : request.getExpiresAt().toInstant();
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new TrainflowProblem.InvalidInput("expiresAt", request.getExpiresAt() + " is not in the future");
        }
        ApiKeys.Created created = keys.create(name, username, scopes, expiresAt, CurrentUser.name());
        ApiKeys.Key key = created.key();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ApiKeyCreated(
                                key.id(),
                                key.name(),
                                key.username(),
                                scopeValues(key.scopes()),
                                utc(key.createdAt()),
                                created.secret())
                        .expiresAt(utc(key.expiresAt())));
    }

    @Override
    public ResponseEntity<List<ApiKey>> listApiKeys() {
        return ResponseEntity.ok(keys.list().stream()
                .map(k -> new ApiKey(
                                k.id(),
                                k.name(),
                                k.username(),
                                scopeValues(k.scopes()),
                                utc(k.createdAt()),
                                k.createdBy())
                        .expiresAt(utc(k.expiresAt()))
                        .lastUsedAt(utc(k.lastUsedAt()))
                        .revokedAt(utc(k.revokedAt())))
                .toList());
    }

    @Override
    public ResponseEntity<Void> revokeApiKey(String keyId) {
        if (keyId.length() > 64 || !keys.revoke(keyId)) {
            throw new TrainflowProblem.NotFound("No API key with id " + keyId);
        }
        return ResponseEntity.noContent().build();
    }

    private static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new TrainflowProblem.InvalidInput(field, "required");
        }
        if (value.length() > maxLength) {
            throw new TrainflowProblem.InvalidInput(field, "at most " + maxLength + " characters");
        }
        return value.strip();
    }

    private static List<String> scopeValues(Set<ApiKeyScope> scopes) {
        return scopes.stream().map(ApiKeyScope::value).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

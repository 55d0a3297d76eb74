package io.trainflow.plugin.security;

import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.sample.SampleOrganisation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Keycloak realm of the sign-in tests, made from the sample organisation: its people (each with
 * {@link KeycloakServer#PASSWORD}), its groups, admins with the realm role trainflow-admin, and clients:
 * <ul>
 * <li>{@code trainflow}: Trainflow itself (browser sign-in with PKCE, password grant for tests), tokens for
 * audience {@code trainflow};</li>
 * <li>{@code trainflow-short}: the same, but access tokens live one second;</li>
 * <li>{@code other-app}: another application; its tokens are not meant for Trainflow.</li>
 * </ul>
 */
final class KeycloakRealm {

    static final String NAME = "trainflow";
    static final String CLIENT_SECRET = "trainflow-test-client-secret";

    private KeycloakRealm() {}

    static Map<String, Object> of(SampleOrganisation org) {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", NAME);
        realm.put("enabled", true);
        realm.put("sslRequired", "none");
        realm.put("accessTokenLifespan", 600);
        realm.put(
                "roles",
                Map.of("realm", List.of(Map.of("name", "trainflow-admin"), Map.of("name", "trainflow-auditor"))));
        realm.put(
                "groups",
                org.groups().keySet().stream().map(g -> Map.of("name", g)).toList());
        realm.put("users", users(org));
        realm.put(
                "clients",
                List.of(
                        client("trainflow", Map.of(), true),
                        client("trainflow-short", Map.of("access.token.lifespan", "1"), true),
                        client("other-app", Map.of(), false)));
        return realm;
    }

    private static List<Map<String, Object>> users(SampleOrganisation org) {
        Set<String> usernames = new LinkedHashSet<>();
        org.hcm().departments().forEach(d -> org.hcm().employees(d.id()).forEach(e -> usernames.add(e.username())));
        org.groups().values().forEach(usernames::addAll);
        List<Map<String, Object>> users = new ArrayList<>();
        for (String username : usernames) {
            Employee employee = org.hcm().employeeByUsername(username).orElse(null);
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", username);
            user.put("enabled", true);
            user.put("email", username + "@acme.test");
            user.put("emailVerified", true);
            user.put("firstName", employee != null ? employee.firstName() : name(username, 0));
            user.put("lastName", employee != null ? employee.lastName() : name(username, 1));
            user.put(
                    "credentials",
                    List.of(Map.of("type", "password", "value", KeycloakServer.PASSWORD, "temporary", false)));
            user.put(
                    "groups",
                    org.groups().entrySet().stream()
                            .filter(g -> g.getValue().contains(username))
                            .map(g -> "/" + g.getKey())
                            .toList());
            if (org.members("admins").contains(username)) {
                user.put("realmRoles", List.of("trainflow-admin"));
            }
            users.add(user);
        }
        return users;
    }

    private static Map<String, Object> client(String id, Map<String, String> attributes, boolean forTrainflow) {
        Map<String, String> allAttributes = new LinkedHashMap<>(attributes);
        allAttributes.put("pkce.code.challenge.method", "S256");
        allAttributes.put("post.logout.redirect.uris", "*");
        List<Map<String, Object>> mappers = new ArrayList<>();
        mappers.add(Map.of(
                "name",
                "groups",
                "protocol",
                "openid-connect",
                "protocolMapper",
                "oidc-group-membership-mapper",
                "config",
                Map.of(
                        "claim.name",
                        "groups",
                        "full.path",
                        "false",
                        "id.token.claim",
                        "true",
                        "access.token.claim",
                        "true",
                        "userinfo.token.claim",
                        "true")));
        if (forTrainflow) {
            mappers.add(Map.of(
                    "name",
                    "trainflow-audience",
                    "protocol",
                    "openid-connect",
                    "protocolMapper",
                    "oidc-audience-mapper",
                    "config",
                    Map.of(
                            "included.client.audience",
                            "trainflow",
                            "access.token.claim",
                            "true",
                            "id.token.claim",
                            "false")));
        }
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", id);
        client.put("enabled", true);
        client.put("publicClient", false);
        client.put("secret", CLIENT_SECRET);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", true);
        client.put("redirectUris", List.of("*"));
        client.put("attributes", allAttributes);
        client.put("protocolMappers", mappers);
        return client;
    }

    private static String name(String username, int part) {
        String[] parts = username.split("\\.");
        String word = parts.length > part ? parts[part] : username;
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}

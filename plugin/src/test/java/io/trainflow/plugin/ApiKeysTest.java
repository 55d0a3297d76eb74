package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admins give machines keys that act as one person within their scopes; a key is shown once, stored hashed and revocable. */
class ApiKeysTest extends RunningTrainflow {

    @Autowired
    DataSource dataSource;

    private Map<String, Object> create(String name, String username, String... scopes) {
        Api.Response created = as("adam.david")
                .post(
                        "/api/admin/api-keys",
                        "{\"name\": \"" + name + "\", \"username\": \"" + username + "\", \"scopes\": [\""
                                + String.join("\", \"", scopes) + "\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.object();
    }

    private Api key(Map<String, Object> created) {
        return anonymous().with("X-API-Key", String.valueOf(created.get("key")));
    }

    @Test
    void aKeyActsAsItsPersonWithinItsScopesUntilRevoked() {
        Map<String, Object> created = create("inbox-reader", "hugo.roux", "tasks:read");
        assertThat(String.valueOf(created.get("key"))).startsWith("tfk_").hasSizeGreaterThan(40);
        Api reader = key(created);

        Api.Response me = reader.get("/api/me");
        assertThat(me.object())
                .containsEntry("username", "hugo.roux")
                .containsEntry("signedInWith", "api-key")
                .containsEntry("scopes", List.of("tasks:read"))
                .containsEntry("roles", List.of("USER"));
        assertThat(reader.get("/api/tasks").status()).isEqualTo(200);
        Api.Response decide = reader.post("/api/tasks/some-task/complete", "{}");
        assertThat(decide.status()).isEqualTo(403);
        assertThat(decide.message()).contains("tasks:decide");
        assertThat(reader.get("/api/incidents").status()).isEqualTo(403);

        List<Map<String, Object>> listed =
                as("adam.david").get("/api/admin/api-keys").list();
        Map<String, Object> mine = listed.stream()
                .filter(k -> created.get("id").equals(k.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(mine)
                .doesNotContainKey("key")
                .containsEntry("createdBy", "adam.david")
                .containsKey("lastUsedAt");

        assertThat(as("adam.david")
                        .delete("/api/admin/api-keys/" + created.get("id"))
                        .status())
                .isEqualTo(204);
        Api.Response revoked = reader.get("/api/tasks");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.message()).contains("API key is not valid");
    }

    @Test
    void anAdminKeyReachesAdminCalls() {
        Api admin = key(create("ops", "adam.david", "admin"));

        assertThat(admin.get("/api/incidents").status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/api-keys").status()).isEqualTo(200);
    }

    @Test
    void onlyTheKeysHashIsStored() throws SQLException {
        String secret = String.valueOf(
                create("hash-check", "zoe.vincent", "requests:read").get("key"));

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT * FROM tf_api_key")) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    assertThat(String.valueOf(rows.getObject(column))).doesNotContain(secret.substring(4));
                }
            }
        }
    }

    @Test
    void onlyAdminsManageKeysAndBadRequestsNameTheField() {
        assertThat(as("zoe.vincent")
                        .post(
                                "/api/admin/api-keys",
                                "{\"name\": \"mine\", \"username\": \"zoe.vincent\", \"scopes\": [\"admin\"]}")
                        .status())
                .isEqualTo(403);
        assertThat(as("zoe.vincent").get("/api/admin/api-keys").status()).isEqualTo(403);

        Api.Response badScope = as("adam.david")
                .post(
                        "/api/admin/api-keys",
                        "{\"name\": \"x\", \"username\": \"zoe.vincent\", \"scopes\": [\"tasks:read\", \"everything\"]}");
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.message()).startsWith("scopes[1]: 'everything' is not a scope");
        Api.Response nobody = as("adam.david")
                .post(
                        "/api/admin/api-keys",
                        "{\"name\": \"x\", \"username\": \"no.such.person\", \"scopes\": [\"tasks:read\"]}");
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.message()).startsWith("username:");
        assertThat(as("adam.david").delete("/api/admin/api-keys/no-such-key").status())
                .isEqualTo(404);
        assertThat(anonymous()
                        .with("X-API-Key", "tfk_made-up")
                        .get("/api/tasks")
                        .status())
                .isEqualTo(401);
    }
}

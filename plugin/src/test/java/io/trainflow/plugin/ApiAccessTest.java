package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every call is made as a signed-in person; incidents are for admins only. */
class ApiAccessTest extends RunningTrainflow {

    @Test
    void withoutCredentialsTheApiAnswers401() {
        assertThat(anonymous().get("/api/tasks").status()).isEqualTo(401);
        assertThat(anonymous().post("/api/requests", "{\"employeeId\": \"1004\"}").status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordIs401() {
        assertThat(new Api(port, "alice.martin", "not-the-password").get("/api/tasks").status()).isEqualTo(401);
    }

    @Test
    void incidentsAreRefusedToNonAdmins() {
        assertThat(as("alice.martin").get("/api/incidents").status()).isEqualTo(403);
        assertThat(as("zoe.vincent").get("/api/incidents/some-id").status()).isEqualTo(403);
        assertThat(as("sophie.laurent").post("/api/incidents/some-id/retry", "{}").status()).isEqualTo(403);
    }

    @Test
    void adminListsIncidents() {
        Api.Response incidents = as("adam.david").get("/api/incidents");

        assertThat(incidents.status()).as(incidents.toString()).isEqualTo(200);
        assertThat(incidents.list()).isNotNull();
    }
}

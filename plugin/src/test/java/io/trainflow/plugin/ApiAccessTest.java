package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every call is made as a signed-in person; incidents and job locks are for admins only. */
class ApiAccessTest extends RunningTrainflow {

    @Test
    void withoutCredentialsTheApiAnswers401() {
        assertThat(anonymous().get("/api/tasks").status()).isEqualTo(401);
        assertThat(anonymous()
                        .post("/api/requests", "{\"employeeId\": \"1004\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void wrongPasswordIs401() {
        assertThat(new Api(port, "alice.martin", "not-the-password")
                        .get("/api/tasks")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void incidentsAreRefusedToNonAdmins() {
        assertThat(as("alice.martin").get("/api/incidents").status()).isEqualTo(403);
        assertThat(as("zoe.vincent").get("/api/incidents/some-id").status()).isEqualTo(403);
        assertThat(as("sophie.laurent")
                        .post("/api/incidents/some-id/retry", "{}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminsSeeWhoHoldsWhichJobAndNoLockOfARunBeforeThisStart() {
        assertThat(as("zoe.vincent").get("/api/admin/job-locks").status()).isEqualTo(403);
        Api.Response locks = as("adam.david").get("/api/admin/job-locks");

        assertThat(locks.status()).as(locks.toString()).isEqualTo(200);
        assertThat(locks.object()).containsKeys("node", "startedAt", "now");
        assertThat((java.util.List<java.util.Map<String, Object>>)
                        locks.object().get("locks"))
                .allSatisfy(lock -> assertThat(lock).containsEntry("fromBeforeStart", false));
    }

    @Test
    void adminListsIncidents() {
        Api.Response incidents = as("adam.david").get("/api/incidents");

        assertThat(incidents.status()).as(incidents.toString()).isEqualTo(200);
        assertThat(incidents.list()).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void besideTheRunningServerAnAdminRunsCheckConnectionsThroughIt() {
        assertThat(as("zoe.vincent").post("/api/admin/connections/check", "").status())
                .isEqualTo(403);

        Api.Response report = as("adam.david").post("/api/admin/connections/check", "");

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        java.util.List<java.util.Map<String, Object>> findings =
                (java.util.List<java.util.Map<String, Object>>) report.object().get("findings");
        // the sample organisation's systems, and the catalogue the demo imported
        assertThat(findings).extracting(f -> f.get("system")).contains("sample-lms", "catalogue");
        assertThat(findings).allSatisfy(f -> assertThat(f).containsKeys("kind", "check", "detail"));
        assertThat(report.object()).containsEntry("ok", true);
    }
}

package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only L&D (ld-team) or HR (hr-fallback) start a department campaign. */
class CampaignAccessTest extends RunningTrainflow {

    @Test
    void employeeOutsideLdIsRefused() {
        Api.Response response = as("alice.martin").post("/api/campaigns", "{\"department\": \"sales\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.message()).contains("alice.martin is not in L&D");
    }

    @Test
    void ldTeamMemberStartsOne() {
        // hr: no other test of the shared app runs a campaign over it (a second campaign over a department skips the
        // employees whose requests of the first are still open)
        Api.Response response = as("zoe.vincent").post("/api/campaigns", "{\"department\": \"hr\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat((String) response.object().get("businessKey")).startsWith("PRG-");
    }
}

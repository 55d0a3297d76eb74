package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        String programme = (String) response.object().get("businessKey");
        assertThat(programme).startsWith("PRG-");
        // one open request per employee and course: the campaign's requests would hold the courses other tests'
        // hr employees ask for (Ella's Employment Law by LTI), so their approvers turn them down and they end
        for (String employee : List.of("1025", "1026", "1027", "1028", "1029", "1030")) {
            endByRejection(programme + "-" + employee);
        }
    }

    /** Waits for the request to end or wait on an approval, which its approver then rejects; then for its end. */
    @SuppressWarnings("unchecked")
    private void endByRejection(String requestId) {
        Api zoe = as("zoe.vincent");
        Instant deadline = Instant.now().plusSeconds(120);
        boolean rejected = false;
        while (true) {
            Api.Response read = zoe.get("/api/requests/" + requestId);
            Map<String, Object> status = read.status() == 200 ? read.object() : Map.of();
            if ("ended".equals(status.get("state"))) {
                return;
            }
            List<Map<String, Object>> waiting = (List<Map<String, Object>>) status.getOrDefault("waitingOn", List.of());
            for (Map<String, Object> task : waiting) {
                if (!rejected && "approve".equals(task.get("elementId")) && task.get("assignee") != null) {
                    Api.Response done = as(String.valueOf(task.get("assignee")))
                            .post(
                                    "/api/tasks/" + task.get("id") + "/complete",
                                    "{\"variables\": {\"decision\": \"reject\", \"comment\": \"test clean-up\"}}");
                    assertThat(done.status()).as(done.toString()).isEqualTo(204);
                    rejected = true;
                }
            }
            assertThat(Instant.now())
                    .as(requestId + " ended within 120 s: " + status)
                    .isBefore(deadline);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

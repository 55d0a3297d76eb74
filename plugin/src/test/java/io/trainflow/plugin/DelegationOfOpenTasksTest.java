package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.plugin.delegations.DelegationPeriods;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A delegation moves the approvals already waiting: Hugo asks for training, Marc (his manager) has the approval.
 * Naming Hugo himself as Marc's deputy moves nothing (nobody decides their own request: separation of duties);
 * naming Louis moves it to him, on Marc's behalf, audited; removing the delegation gives it back; a delegation made
 * for a little later moves it when its period starts.
 */
class DelegationOfOpenTasksTest extends RunningTrainflow {

    @Autowired
    DelegationPeriods periods;

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApprovalMovesToTheDeputyAndBack() throws InterruptedException {
        Api.Response started = as("hugo.roux").post("/api/requests", "{\"employeeId\": \"1007\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String request = (String) started.object().get("businessKey");
        Api marc = as("marc.bernard");
        String taskId = (String) marc.awaitTask(request, "approve").get("id");
        Instant now = Instant.now();
        String period = ", \"from\": \"" + now.minus(1, ChronoUnit.HOURS) + "\", \"to\": \""
                + now.plus(7, ChronoUnit.DAYS) + "\", \"reason\": \"leave\"}";

        // the learner as deputy: the task stays, with the rule's reason
        Api.Response toLearner = marc.post("/api/delegations", "{\"deputy\": \"hugo.roux\"" + period);
        assertThat(toLearner.status()).as(toLearner.toString()).isEqualTo(201);
        assertThat((List<String>) toLearner.object().get("moved")).doesNotContain(taskId);
        assertThat((List<Map<String, Object>>) toLearner.object().get("kept")).anySatisfy(k -> {
            assertThat(k).containsEntry("taskId", taskId);
            assertThat((String) k.get("reason")).isEqualTo("hugo.roux made this request");
        });
        assertThat(as("hugo.roux").get("/api/tasks/" + taskId).status()).isEqualTo(404);
        assertThat(marc.delete("/api/delegations/" + toLearner.object().get("id"))
                        .status())
                .isEqualTo(204);

        // Louis: the open approval is his now, on Marc's behalf
        Api.Response toLouis = marc.post("/api/delegations", "{\"deputy\": \"louis.garnier\"" + period);
        assertThat(toLouis.status()).as(toLouis.toString()).isEqualTo(201);
        assertThat((List<String>) toLouis.object().get("moved")).contains(taskId);
        Map<String, Object> louisTask =
                as("louis.garnier").get("/api/tasks/" + taskId).object();
        assertThat((Map<String, Object>) louisTask.get("context")).containsEntry("approverOnBehalfOf", "marc.bernard");
        assertThat(marc.get("/api/tasks/" + taskId).status()).isEqualTo(404);
        String delegation = (String) toLouis.object().get("id");
        assertThat(marc.get("/api/delegations").list()).anySatisfy(d -> {
            assertThat(d)
                    .containsEntry("id", delegation)
                    .containsEntry("deputy", "louis.garnier")
                    .containsEntry("active", true);
        });
        assertThat(as("ella.lefebvre")
                        .get("/api/audit?actor=marc.bernard&subject=" + taskId)
                        .list())
                .anySatisfy(e -> assertThat(e).containsEntry("action", "task-to-deputy"));
        // someone else's delegation is not theirs to remove
        assertThat(as("louis.garnier").delete("/api/delegations/" + delegation).status())
                .isEqualTo(404);

        // removed: what Louis has not decided is Marc's again
        assertThat(marc.delete("/api/delegations/" + delegation).status()).isEqualTo(204);
        assertThat(marc.get("/api/delegations").list())
                .noneSatisfy(d -> assertThat(d).containsEntry("id", delegation));
        assertThat(as("louis.garnier").get("/api/tasks/" + taskId).status()).isEqualTo(404);
        assertThat(marc.get("/api/tasks/" + taskId).status()).isEqualTo(200);

        // a delegation made for a little later moves the approval when its period starts
        Instant soon = Instant.now().plusSeconds(2);
        Api.Response later = marc.post(
                "/api/delegations",
                "{\"deputy\": \"louis.garnier\", \"from\": \"" + soon + "\", \"to\": \"" + soon.plus(7, ChronoUnit.DAYS)
                        + "\"}");
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        assertThat((List<String>) later.object().get("moved")).isEmpty();
        Instant deadline = Instant.now().plusSeconds(90);
        while (as("louis.garnier").get("/api/tasks/" + taskId).status() != 200) {
            assertThat(Instant.now())
                    .as("moved within 90 s of the period's start")
                    .isBefore(deadline);
            periods.runOnce();
            Thread.sleep(200);
        }
        assertThat(marc.delete("/api/delegations/" + later.object().get("id")).status())
                .isEqualTo(204);
        assertThat(marc.post("/api/tasks/" + taskId + "/complete", "{\"variables\": {\"decision\": \"reject\"}}")
                        .status())
                .isEqualTo(204);
    }
}

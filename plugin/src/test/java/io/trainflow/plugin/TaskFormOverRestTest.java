package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sophie reads Alice's approval with its form and mistypes her decision: the inbox refuses it
 * with the field and the choices named, instead of taking the default path (reject); nothing is
 * completed or audited until she sends a decision the form offers.
 */
class TaskFormOverRestTest extends RunningTrainflow {

    @Test
    @SuppressWarnings("unchecked")
    void aMistypedDecisionIsRefusedAndTheTaskStaysOpen() {
        Api alice = as("alice.martin");
        Api sophie = as("sophie.laurent");
        Api.Response started = alice.post("/api/requests", """
                {"employeeId": "1004", "justification": "Reports take me a day a week"}""");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String requestId = (String) started.object().get("businessKey");
        String taskId = (String) sophie.awaitTask(requestId, "approve").get("id");

        Map<String, Object> task = sophie.get("/api/tasks/" + taskId).object();
        assertThat(task).containsEntry("formId", "approval");
        List<Map<String, Object>> components = (List<Map<String, Object>>) ((Map<String, Object>) task.get("form")).get("components");
        assertThat(components).anySatisfy(c -> assertThat(c).containsEntry("key", "decision").containsEntry("type", "radio"));

        // who before what: the requester is told the task does not exist, and learns nothing of the form
        Api.Response byRequester = alice.post("/api/tasks/" + taskId + "/complete", """
                {"variables": {"decision": "aprove"}}""");
        assertThat(byRequester.status()).as(byRequester.toString()).isEqualTo(404);

        Api.Response mistyped = sophie.post("/api/tasks/" + taskId + "/complete", """
                {"variables": {"decision": "Approve", "coment": "Good plan"}}""");
        assertThat(mistyped.status()).as(mistyped.toString()).isEqualTo(400);
        assertThat(mistyped.message()).contains("must be one of approve, changes, reject", "form 'approval'");
        assertThat((Map<String, Object>) mistyped.object().get("fields"))
                .containsEntry("decision", "must be one of approve, changes, reject, got 'Approve'")
                .containsEntry("coment", "is not a field of form 'approval' (its fields: decision, comment)");
        assertThat(sophie.get("/api/tasks").list()).anyMatch(t -> taskId.equals(t.get("id")));
        List<Map<String, Object>> decisions = (List<Map<String, Object>>) alice.get("/api/requests/" + requestId).object().get("decisions");
        assertThat(decisions).noneMatch(d -> "sophie.laurent".equals(d.get("actor")));

        Api.Response approved = sophie.post("/api/tasks/" + taskId + "/complete", """
                {"variables": {"decision": "approve", "comment": "Good plan"}}""");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
        decisions = (List<Map<String, Object>>) alice.get("/api/requests/" + requestId).object().get("decisions");
        assertThat(decisions).anySatisfy(d -> assertThat(d).containsEntry("actor", "sophie.laurent").containsEntry("elementId", "approve"));
    }
}

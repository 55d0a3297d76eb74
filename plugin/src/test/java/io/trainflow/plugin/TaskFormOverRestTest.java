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
        // Théo, whom no other test of the shared app sends on training (another request's enrolment would shorten his
        // path)
        Api theo = as("theo.mercier");
        Api marc = as("marc.bernard");
        Api.Response started = theo.post("/api/requests", """
                {"employeeId": "1009", "justification": "Reports take me a day a week"}""");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String requestId = (String) started.object().get("businessKey");
        String taskId = (String) marc.awaitTask(requestId, "approve").get("id");

        Map<String, Object> task = marc.get("/api/tasks/" + taskId).object();
        assertThat(task).containsEntry("formId", "approval");
        List<Map<String, Object>> components =
                (List<Map<String, Object>>) ((Map<String, Object>) task.get("form")).get("components");
        assertThat(components)
                .anySatisfy(c -> assertThat(c).containsEntry("key", "decision").containsEntry("type", "radio"));

        // who before what: the requester is told the task does not exist, and learns nothing of the form
        Api.Response byRequester = theo.post("/api/tasks/" + taskId + "/complete", """
                {"variables": {"decision": "aprove"}}""");
        assertThat(byRequester.status()).as(byRequester.toString()).isEqualTo(404);

        Api.Response mistyped = marc.post("/api/tasks/" + taskId + "/complete", """
                {"variables": {"decision": "Approve", "coment": "Good plan"}}""");
        assertThat(mistyped.status()).as(mistyped.toString()).isEqualTo(400);
        assertThat(mistyped.message()).contains("must be one of approve, changes, reject", "form 'approval'");
        assertThat((Map<String, Object>) mistyped.object().get("fields"))
                .containsEntry("decision", "must be one of approve, changes, reject, got 'Approve'")
                .containsEntry("coment", "is not a field of form 'approval' (its fields: decision, comment)");
        assertThat(marc.get("/api/tasks").list()).anyMatch(t -> taskId.equals(t.get("id")));
        List<Map<String, Object>> decisions = (List<Map<String, Object>>)
                theo.get("/api/requests/" + requestId).object().get("decisions");
        assertThat(decisions).noneMatch(d -> "marc.bernard".equals(d.get("actor")));

        Api.Response approved = marc.post("/api/tasks/" + taskId + "/complete", """
                {"variables": {"decision": "approve", "comment": "Good plan"}}""");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
        decisions = (List<Map<String, Object>>)
                theo.get("/api/requests/" + requestId).object().get("decisions");
        assertThat(decisions)
                .anySatisfy(d ->
                        assertThat(d).containsEntry("actor", "marc.bernard").containsEntry("elementId", "approve"));
    }
}

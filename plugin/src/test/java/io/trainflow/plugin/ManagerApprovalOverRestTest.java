package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Alice asks for training; her manager Sophie sees the approval with the learning path and
 * why each course was chosen; Alice cannot approve her own request, Marc (not offered the
 * task) cannot either; Sophie approves and the request's audit trail names her and shows where
 * each AI output came from.
 */
class ManagerApprovalOverRestTest extends RunningTrainflow {

    private static final String APPROVE = """
            {"variables": {"decision": "approve", "comment": "Good plan"}}""";

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheManagerApprovesAndTheAuditTrailNamesHer() {
        Api alice = as("alice.martin");
        Api sophie = as("sophie.laurent");
        Api marc = as("marc.bernard");

        Api.Response started = alice.post("/api/requests", """
                {"employeeId": "1004", "justification": "I want to automate our reports"}""");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String requestId = (String) started.object().get("businessKey");

        Map<String, Object> task = sophie.awaitTask(requestId, "approve");
        assertThat(task)
                .containsEntry("assignee", "sophie.laurent")
                .containsEntry("requestedBy", "alice.martin")
                .containsEntry("employeeId", "1004");
        // the list carries a summary; the task itself its whole context
        assertThat((Map<String, Object>) task.get("context"))
                .containsEntry("requestedBy", "alice.martin")
                .doesNotContainKey("learningPath");
        Map<String, Object> context = (Map<String, Object>)
                sophie.get("/api/tasks/" + task.get("id")).object().get("context");
        assertThat((List<Map<String, Object>>) context.get("learningPath"))
                .isNotEmpty()
                .allSatisfy(course -> {
                    assertThat((String) course.get("reason")).isNotBlank();
                    assertThat((String) course.get("gap")).contains("role needs"); // the gap it closes
                    assertThat((Number) course.get("similarity")).isNotNull();
                });
        String complete = "/api/tasks/" + task.get("id") + "/complete";

        // finding 12: whoever may not see a task is told it does not exist, exactly as for an unknown id
        Api.Response byRequester = alice.post(complete, APPROVE);
        assertThat(byRequester.status()).as(byRequester.toString()).isEqualTo(404);
        Api.Response unknown = alice.post("/api/tasks/no-such-task/complete", APPROVE);
        assertThat(byRequester.message()).isEqualTo(unknown.message().replace("no-such-task", (String) task.get("id")));
        assertThat(byRequester.body()).doesNotContain("Approve training request");

        Api.Response byOutsider = marc.post(complete, APPROVE);
        assertThat(byOutsider.status()).as(byOutsider.toString()).isEqualTo(404);
        assertThat(marc.get("/api/tasks").list()).noneMatch(t -> task.get("id").equals(t.get("id")));

        Api.Response bySophie = sophie.post(complete, APPROVE);
        assertThat(bySophie.status()).as(bySophie.toString()).isEqualTo(204);

        Api.Response status = alice.get("/api/requests/" + requestId);
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        List<Map<String, Object>> decisions =
                (List<Map<String, Object>>) status.object().get("decisions");
        assertThat(decisions).anySatisfy(entry -> {
            assertThat(entry).containsEntry("actor", "sophie.laurent").containsEntry("elementId", "approve");
            assertThat((String) entry.get("details")).contains("decision=approve");
        });
        assertThat(decisions).extracting(entry -> entry.get("actor")).doesNotContain("alice.martin", "marc.bernard");
        // the app runs the real offline engine; every AI output of the request says where it came from
        Map<String, Object> variables = (Map<String, Object>) status.object().get("variables");
        List<Map<String, Object>> path = (List<Map<String, Object>>) variables.get("learningPath");
        assertThat((List<Map<String, Object>>) variables.get("learningPathProvenance"))
                .isNotEmpty()
                .allSatisfy(ManagerApprovalOverRestTest::isOfflineTrace);
        isOfflineTrace((Map<String, Object>) variables.get("needsProvenance"));
        assertThat((String) ((Map<String, Object>) variables.get("needsProvenance")).get("output"))
                .isEqualTo("needs-analysis");
        // one session ranking per course of the path
        assertThat((List<Map<String, Object>>) variables.get("sessionsProvenance"))
                .hasSameSizeAs(path)
                .allSatisfy(ManagerApprovalOverRestTest::isOfflineTrace)
                .extracting(trace -> trace.get("output"))
                .containsExactlyInAnyOrderElementsOf(
                        path.stream().map(c -> "sessions:" + c.get("courseId")).toList());
    }

    /** Engine, template version, SHA-256 of the inputs and an ISO-8601 time, as the audit trail promises. */
    private static void isOfflineTrace(Map<String, Object> trace) {
        assertThat(trace)
                .as("AI provenance")
                .isNotNull()
                .containsEntry("engine", "offline")
                .containsEntry("model", "all-minilm-l6-v2-q");
        assertThat((String) trace.get("templateVersion")).isNotBlank();
        assertThat((String) trace.get("inputHash")).matches("[0-9a-f]{64}");
        assertThat(Instant.parse((String) trace.get("createdAt")))
                .isBefore(Instant.now().plusSeconds(1));
    }
}

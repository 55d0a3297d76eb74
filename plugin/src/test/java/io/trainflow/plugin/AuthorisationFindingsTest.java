package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's findings on deciding and reading what is not yours, and on bad input, each as it was
 * reproduced (sample organisation, loopback); every one failed before the fix. Findings 2 and 4 are in
 * {@code tests/RequesterCannotApproveTest}, 5 in {@code QuizOverRestTest}, the bad-input corpus in
 * {@link BadInputCorpusTest}.
 */
class AuthorisationFindingsTest extends RunningTrainflow {

    @Test
    void finding1OnlyAnAdminChangesASupervisorValidatedAndAudited() {
        Api.Response byEmployee = as("sophie.laurent")
                .put("/api/sample/employees/1009/supervisor", "{\"managerUsername\": \"hugo.roux\"}");
        assertThat(byEmployee.status()).as(byEmployee.toString()).isEqualTo(403);

        Api admin = as("adam.david");
        Api.Response empty = admin.put("/api/sample/employees/1009/supervisor", "{}");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(fields(empty)).containsKey("managerUsername");
        Api.Response unknown = admin.put("/api/sample/employees/1009/supervisor", "{\"managerUsername\": \"no.body\"}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(fields(unknown).get("managerUsername")).contains("'no.body' is not an employee");

        Api.Response changed =
                admin.put("/api/sample/employees/1009/supervisor", "{\"managerUsername\": \"marc.bernard\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(as("ella.lefebvre").get("/api/audit?subject=1009").list())
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("actor", "adam.david")
                        .containsEntry("action", "change-supervisor")
                        .containsKey("address"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void finding3ARequestIsNotThereForAnyoneOutsideIt() {
        Api lea = as("lea.fournier");
        Api.Response started =
                lea.post("/api/requests", "{\"employeeId\": \"1008\", \"justification\": \"Go deeper\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String requestId = (String) started.object().get("businessKey");

        Api.Response stranger = as("paul.robin").get("/api/requests/" + requestId);
        Api.Response unknown = as("paul.robin").get("/api/requests/REQ-unknown");
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(404);
        assertThat(stranger.message()).isEqualTo(unknown.message().replace("REQ-unknown", requestId));
        assertThat(stranger.body()).doesNotContain("1008", "Go deeper", "lea.fournier");

        for (String allowed : List.of("lea.fournier", "zoe.vincent", "ella.lefebvre", "marc.bernard")) {
            Api.Response seen = as(allowed).get("/api/requests/" + requestId);
            assertThat(seen.status()).as(allowed + ": " + seen).isEqualTo(200);
        }
        // every read is audited, for auditors only
        List<Map<String, Object>> audit =
                as("ella.lefebvre").get("/api/audit?subject=" + requestId).list();
        assertThat(audit)
                .anySatisfy(e ->
                        assertThat(e).containsEntry("actor", "lea.fournier").containsEntry("action", "read-request"));
        assertThat(audit).noneMatch(e -> "paul.robin".equals(e.get("actor")));
        assertThat(as("paul.robin").get("/api/audit").status()).isEqualTo(403);

        // a quiz review read through /api/requests does not bypass the quiz's own rule
        Api.Response quiz = as("hugo.roux").post("/api/quizzes", "{\"courseId\": \"105\", \"maxQuestions\": 1}");
        assertThat(quiz.status()).as(quiz.toString()).isEqualTo(201);
        Api.Response quizAsRequest =
                as("paul.robin").get("/api/requests/" + quiz.object().get("businessKey"));
        assertThat(quizAsRequest.status()).as(quizAsRequest.toString()).isEqualTo(404);
        // one open request per employee and course: Léa's next request (another test's) must not find this one open
        assertThat(lea.post("/api/requests/" + requestId + "/withdraw", "").status())
                .isEqualTo(204);
    }

    @Test
    void finding6NobodyCompletesSomeoneElsesCourse() {
        Api.Response response = as("alice.martin").post("/api/sample/learners/emma.girard/progress", "");
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
    }

    @Test
    void finding7LimitsOfTheContractAreEnforcedBeforeAnythingHappens() {
        Api.Response longJustification = as("lea.fournier")
                .post("/api/requests", "{\"employeeId\": \"1008\", \"justification\": \"" + "x".repeat(4001) + "\"}");
        assertThat(longJustification.status()).as(longJustification.toString()).isEqualTo(400);
        assertThat(fields(longJustification)).containsKey("justification");

        Api.Response huge = as("lea.fournier")
                .post(
                        "/api/requests",
                        "{\"employeeId\": \"1008\", \"justification\": \"" + "x".repeat(1_000_000) + "\"}");
        assertThat(huge.status()).as(huge.status() + "").isEqualTo(413);
        assertThat(fields(huge)).containsKey("body");
    }

    @Test
    void finding7WritesArePacedPerPerson() {
        Api victor = as("victor.morel");
        Api.Response last = null;
        for (int i = 0; i < 3 * WRITES_PER_MINUTE && (last == null || last.status() != 429); i++) {
            last = victor.post("/api/delegations", "{}");
        }
        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isPresent();
        assertThat(last.message())
                .contains("victor.morel made more than " + WRITES_PER_MINUTE + " changes in a minute");
        // others are not slowed down by one person's flood
        assertThat(as("jules.gauthier").post("/api/delegations", "{}").status()).isEqualTo(400);
    }

    @Test
    void finding10BadInputIsA4xxNamingTheFieldNotA500() {
        Api jules = as("jules.gauthier");
        Api.Response missing = jules.post("/api/delegations", "{}");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(fields(missing)).containsKeys("deputy", "from", "to");

        Api.Response longDeputy = jules.post(
                "/api/delegations", delegation("d".repeat(65), "2027-01-01T00:00:00Z", "2027-01-05T00:00:00Z"));
        assertThat(longDeputy.status()).as(longDeputy.toString()).isEqualTo(400);
        assertThat(fields(longDeputy)).containsKey("deputy");

        Api.Response nullCourse = as("lea.fournier")
                .post("/api/requests", "{\"employeeId\": \"1008\", \"requestedCourseIds\": [\"103\", null]}");
        assertThat(nullCourse.status()).as(nullCourse.toString()).isEqualTo(400);
        assertThat(fields(nullCourse)).containsKey("requestedCourseIds[1]");

        Api.Response hugeCourse =
                as("hugo.roux").post("/api/quizzes", "{\"courseId\": \"" + "1".repeat(1_000_000) + "\"}");
        assertThat(hugeCourse.status()).isEqualTo(413);
    }

    @Test
    void finding10ATaskSomeoneElseJustCompletedIs409() {
        Api.Response started = as("emma.girard").post("/api/requests", "{\"employeeId\": \"1006\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        Api sophie = as("sophie.laurent");
        Map<String, Object> task = sophie.awaitTask((String) started.object().get("businessKey"), "approve");
        String complete = "/api/tasks/" + task.get("id") + "/complete";

        assertThat(sophie.post(complete, "{\"variables\": {\"decision\": \"reject\"}}")
                        .status())
                .isEqualTo(204);
        Api.Response again = sophie.post(complete, "{\"variables\": {\"decision\": \"approve\"}}");

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.message()).contains("was completed a moment ago");
    }

    @Test
    void finding11UnknownValuesAreRefusedNamingThem() {
        Api.Response department = as("zoe.vincent").post("/api/campaigns", "{\"department\": \"no-such-dept\"}");
        assertThat(department.status()).as(department.toString()).isEqualTo(400);
        assertThat(fields(department).get("department")).contains("'no-such-dept'");

        Api.Response course = as("hugo.roux").post("/api/quizzes", "{\"courseId\": \"999999\"}");
        assertThat(course.status()).as(course.toString()).isEqualTo(400);
        assertThat(fields(course).get("courseId")).contains("'999999'");

        Api jules = as("jules.gauthier");
        Api.Response deputy =
                jules.post("/api/delegations", delegation("no.body", "2027-03-01T00:00:00Z", "2027-03-05T00:00:00Z"));
        assertThat(fields(deputy).get("deputy")).contains("'no.body'");
        Api.Response from1970 = jules.post(
                "/api/delegations", delegation("paul.robin", "1970-01-01T00:00:00Z", "2027-03-05T00:00:00Z"));
        assertThat(from1970.status()).isEqualTo(400);
        assertThat(fields(from1970)).containsKey("from");
        Api.Response farFuture = jules.post(
                "/api/delegations", delegation("paul.robin", "2027-03-01T00:00:00Z", "+999999999-12-31T23:59:59Z"));
        assertThat(farFuture.status()).as(farFuture.toString()).isEqualTo(400);
        assertThat(fields(farFuture)).containsKey("to");

        Api.Response fractionalDays = as("adam.david").post("/api/sample/clock", "{\"days\": 1.5}");
        assertThat(fractionalDays.status()).as(fractionalDays.toString()).isEqualTo(400);
        assertThat(fields(fractionalDays)).containsKey("days");
    }

    @Test
    void finding12ProblemsNeverNameAnInternalClass() {
        for (Api.Response response : List.of(
                as("alice.martin").post("/api/requests", "{\"employeeId\": "),
                as("alice.martin").post("/api/requests", "{\"employeeId\": {\"a\": 1}}"),
                as("alice.martin").post("/api/requests", "[]"),
                as("alice.martin").get("/api/tasks?first=abc"),
                as("alice.martin").call("DELETE", "/api/requests", null))) {
            assertThat(response.status()).as(response.toString()).isBetween(400, 499);
            assertThat(response.header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
            assertThat(response.body())
                    .as(response.toString())
                    .doesNotContain("io.trainflow", "Exception", "java.", "tools.jackson");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> fields(Api.Response response) {
        Object fields = response.object().get("fields");
        return fields == null ? Map.of() : (Map<String, String>) fields;
    }

    private static String delegation(String deputy, String from, String to) {
        return "{\"deputy\": \"" + deputy + "\", \"from\": \"" + from + "\", \"to\": \"" + to + "\"}";
    }
}

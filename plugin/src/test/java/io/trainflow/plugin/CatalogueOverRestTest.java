package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * L&amp;D keeps the catalogue over REST, checked and audited; a plain employee cannot; a new price holds for the very
 * next request's budget check, with no restart. Léa Fournier (engineering, manager Sophie Laurent) is enrolled by no
 * other test (another test's sales campaign enrols the sales people, and a path leaves out courses one is enrolled in).
 */
class CatalogueOverRestTest extends RunningTrainflow {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ENGINEERING_BUDGET = """
            {"allocated": 20000, "spent": 12500, "owner": "marc.bernard", "currency": "EUR"}""";

    @Test
    void onlyLdAndAdminsEditTheCatalogueAndEachChangeIsCheckedAndAudited() {
        Api zoe = as("zoe.vincent");
        assertThat(as("alice.martin").get("/api/catalogue/courses").status()).isEqualTo(403);
        assertThat(as("alice.martin")
                        .put("/api/catalogue/courses/x1", course("X", "10", "EUR"))
                        .status())
                .isEqualTo(403);
        assertThat(zoe.get("/api/catalogue/courses").list())
                .as("the demo imported the sample's catalogue")
                .anySatisfy(c -> assertThat(c).containsEntry("id", "101").containsEntry("lmsShortname", "JAVA-FUND"));
        assertThat(zoe.get("/api/catalogue/names").list())
                .as("and what an HCM calls its skills, with the sample's other names")
                .anySatisfy(n -> assertThat(n)
                        .containsEntry("kind", "skill")
                        .containsEntry("id", "coaching")
                        .containsEntry("aliases", List.of("Coaching")));
        assertThat(as("alice.martin").get("/api/catalogue/names").status()).isEqualTo(403);

        Api.Response badCost = zoe.put("/api/catalogue/courses/x1", course("X", "-5", "EUR"));
        assertThat(badCost.status()).as(badCost.toString()).isEqualTo(400);
        assertThat(fields(badCost)).containsKey("cost");
        Api.Response badCurrency = zoe.put("/api/catalogue/courses/x1", course("X", "5", "euro"));
        assertThat(fields(badCurrency)).containsKey("currency");
        Api.Response badEnd = zoe.put("/api/catalogue/sessions/x1-a", """
                {"courseId": "101", "start": "2027-01-10T09:00:00Z", "end": "2027-01-09T09:00:00Z", "seats": 10}""");
        assertThat(fields(badEnd)).as(badEnd.toString()).containsKey("end");

        assertThat(zoe.put("/api/catalogue/courses/x1", course("Xenon basics", "5", "EUR"))
                        .status())
                .isEqualTo(201);
        assertThat(zoe.put("/api/catalogue/sessions/x1-a", """
                {"courseId": "x1", "start": "2027-01-10T09:00:00Z", "end": "2027-01-10T17:00:00Z", "seats": 3}""").status()).isEqualTo(201);
        assertThat(zoe.get("/api/catalogue/courses/x1/sessions").list())
                .singleElement()
                .satisfies(s -> assertThat(s).containsEntry("seatsLeft", 3));
        assertThat(zoe.delete("/api/catalogue/courses/x1").status()).isEqualTo(204);
        assertThat(zoe.delete("/api/catalogue/courses/x1").status()).isEqualTo(404);

        Api.Response badLevel = zoe.put("/api/catalogue/roles/x-role", """
                {"title": "X", "requiredSkills": {"java": 7}}""");
        assertThat(badLevel.status()).as(badLevel.toString()).isEqualTo(400);
        assertThat(zoe.put("/api/catalogue/roles/x-role", """
                {"title": "X", "jobTitleIds": ["x-title"], "requiredSkills": {"java": 3}}""").status()).isEqualTo(201);
        assertThat(zoe.get("/api/catalogue/roles").list())
                .anySatisfy(r ->
                        assertThat(r).containsEntry("id", "x-role").containsEntry("requiredSkills", Map.of("java", 3)));
        assertThat(zoe.delete("/api/catalogue/roles/x-role").status()).isEqualTo(204);

        // group membership is the admins' alone: L&D cannot make itself auditor
        assertThat(zoe.put("/api/groups/auditors/members/zoe.vincent", "{}").status())
                .isEqualTo(403);
        assertThat(as("adam.david")
                        .put("/api/groups/sme/members/manon.boyer", "{}")
                        .status())
                .isEqualTo(204);
        assertThat(as("adam.david")
                        .delete("/api/groups/sme/members/manon.boyer")
                        .status())
                .isEqualTo(204);

        List<Map<String, Object>> audit =
                as("ella.lefebvre").get("/api/audit?subject=x1").list();
        assertThat(audit).extracting(e -> e.get("action")).contains("catalogue.course.add", "catalogue.course.remove");
        assertThat(audit).allSatisfy(e -> assertThat(e).containsEntry("actor", "zoe.vincent"));
    }

    @Test
    void aCsvImportNamesTheLineAndColumnOfABadValue() throws Exception {
        HttpResponse<String> bad =
                csv("zoe.vincent", "courses", "id,title,cost,currency\nx2,Xylophone,12,EUR\nx3,Bad,ten,EUR\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("line 3: cost");
        assertThat(as("zoe.vincent").get("/api/catalogue/courses").list())
                .as("all or nothing")
                .noneSatisfy(c -> assertThat(c).containsEntry("id", "x2"));
        assertThat(csv("zoe.vincent", "members", "group,username\nsme,manon.boyer\n")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewPriceHoldsForTheNextRequestsBudgetCheck() {
        Api lea = as("lea.fournier");
        Api zoe = as("zoe.vincent");
        // L&D raises the engineering budget first, which the next request sees as well
        assertThat(zoe.put("/api/catalogue/budgets/engineering", ENGINEERING_BUDGET.replace("20000", "100000"))
                        .status())
                .isEqualTo(200);
        Map<String, Object> first = requestUntilApproval(lea);
        List<String> path = ((List<Map<String, Object>>) first.get("learningPath"))
                .stream().map(c -> (String) c.get("courseId")).toList();
        assertThat(path).isNotEmpty();
        assertThat(first).containsEntry("overBudget", false);

        Map<String, Map<String, Object>> before = new LinkedHashMap<>();
        zoe.get("/api/catalogue/courses").list().stream()
                .filter(c -> path.contains(c.get("id")))
                .forEach(c -> before.put((String) c.get("id"), c));
        try {
            for (Map<String, Object> c : before.values()) {
                assertThat(zoe.put("/api/catalogue/courses/" + c.get("id"), withCost(c, 250000))
                                .status())
                        .isEqualTo(200);
            }

            Map<String, Object> second = requestUntilApproval(lea);

            assertThat(((List<Map<String, Object>>) second.get("learningPath"))
                            .stream().map(c -> c.get("courseId")))
                    .as("the same path, now dearer")
                    .containsExactlyElementsOf(path);
            assertThat(((Number) second.get("pathCost")).doubleValue()).isEqualTo(250000.0 * path.size());
            assertThat(second).containsEntry("overBudget", true);
        } finally {
            before.values().forEach(c -> zoe.put("/api/catalogue/courses/" + c.get("id"), withCost(c, c.get("cost"))));
            zoe.put("/api/catalogue/budgets/engineering", ENGINEERING_BUDGET);
        }
    }

    /**
     * Léa asks for training; once an approval waits (her manager's, or a deputy's while another test's delegation
     * runs), the request's variables; then she withdraws it.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> requestUntilApproval(Api lea) {
        Api.Response started = lea.post("/api/requests", """
                {"employeeId": "1008", "justification": "Observability for the services I write"}""");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String requestId = (String) started.object().get("businessKey");
        Map<String, Object> status = lea.get("/api/requests/" + requestId).object();
        for (java.time.Instant deadline = java.time.Instant.now().plusSeconds(90); !waitsOnApproval(status); ) {
            assertThat(java.time.Instant.now())
                    .as("an approval of " + requestId + " within 90 s: " + status)
                    .isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            status = lea.get("/api/requests/" + requestId).object();
        }
        Map<String, Object> variables = (Map<String, Object>) status.get("variables");
        assertThat(lea.post("/api/requests/" + requestId + "/withdraw", "{}").status())
                .isEqualTo(204);
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static boolean waitsOnApproval(Map<String, Object> status) {
        Object waiting = status.get("waitingOn");
        return waiting instanceof List<?> tasks
                && ((List<Map<String, Object>>) tasks).stream().anyMatch(t -> "approve".equals(t.get("elementId")));
    }

    /** A course as listed, at another cost (the rest unchanged: its skills choose the path). */
    private static String withCost(Map<String, Object> course, Object cost) {
        Map<String, Object> body = new LinkedHashMap<>(course);
        body.remove("id");
        body.put("cost", cost);
        return JSON.writeValueAsString(body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Api.Response problem) {
        return (Map<String, Object>) problem.object().get("fields");
    }

    private static String course(String title, String cost, String currency) {
        return "{\"title\": \"" + title + "\", \"cost\": " + cost + ", \"currency\": \"" + currency
                + "\", \"skillIds\": [\"negotiation\"]}";
    }

    private HttpResponse<String> csv(String user, String kind, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/catalogue/import?kind=" + kind))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}

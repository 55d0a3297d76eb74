package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ines manages three people who ask for training and is a subject-matter expert. Her inbox holds their approvals and the quiz
 * reviews offered to the experts, except the quizzes she started herself. Read a page at a time by following
 * {@code Link: rel="next"}, it shows every task once, in order, and never her own quizzes, even where those sit
 * between the tasks of a page.
 */
class InboxPagingOverRestTest extends RunningTrainflow {

    private static final Pattern NEXT = Pattern.compile("<(/api/tasks\\?after=[A-Za-z0-9_-]+&max=\\d+)>; rel=\"next\"");

    /** Request id -> who asked: withdrawn afterwards, so the shared app's campaigns find these people free again. */
    private final Map<String, String> asked = new java.util.LinkedHashMap<>();

    @org.junit.jupiter.api.AfterEach
    void withdrawTheRequests() {
        asked.forEach((id, employee) -> as(employee).post("/api/requests/" + id + "/withdraw", "{}"));
    }

    @Test
    void pagesFollowedByTheirLinksShowTheWholeInboxOnceAndNothingHidden() {
        Api ines = as("ines.legrand");
        List<String> ownQuizzes = new ArrayList<>();
        ownQuizzes.add(startQuiz(ines));
        List<String> requests = new ArrayList<>();
        requests.add(request("jules.gauthier", "1019"));
        requests.add(request("sarah.perrin", "1020"));
        ownQuizzes.add(startQuiz(ines));
        requests.add(request("paul.robin", "1021"));
        requests.forEach(id -> ines.awaitTask(id, "approve"));
        String othersQuiz = startQuiz(as("hugo.roux"));
        awaitQuizReview(as("lucas.moreau"), othersQuiz);

        List<Map<String, Object>> whole = ines.get("/api/tasks?max=500").list();
        // by position, as clients before the cursor read it: the same tasks
        assertThat(ines.get("/api/tasks?first=1&max=500").list())
                .extracting(t -> t.get("id"))
                .containsExactlyElementsOf(
                        whole.stream().skip(1).map(t -> t.get("id")).toList());
        List<Map<String, Object>> paged = new ArrayList<>();
        String page = "/api/tasks?max=2";
        int pages = 0;
        while (page != null) {
            Api.Response response = ines.get(page);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.list()).hasSizeLessThanOrEqualTo(2).isNotEmpty();
            paged.addAll(response.list());
            pages++;
            page = response.header("Link")
                    .map(NEXT::matcher)
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .orElse(null);
        }

        assertThat(paged)
                .extracting(t -> t.get("id"))
                .doesNotHaveDuplicates()
                .containsExactlyElementsOf(whole.stream().map(t -> t.get("id")).toList());
        assertThat(pages).isEqualTo((whole.size() + 1) / 2); // every page but the last is full
        // the one falling due first on top (tasks without a due date last), then the oldest
        assertThat(paged)
                .isSortedAccordingTo(java.util.Comparator.<Map<String, Object>, Instant>comparing(
                                t -> t.get("due") == null ? Instant.MAX : Instant.parse((String) t.get("due")))
                        .thenComparing(t -> Instant.parse((String) t.get("created"))));
        assertThat(paged)
                .filteredOn(t -> "approve".equals(t.get("elementId")))
                .extracting(t -> t.get("requestId"))
                .containsAll(requests);
        assertThat(paged).extracting(t -> t.get("requestedBy")).doesNotContain("ines.legrand");
        assertThat(paged)
                .filteredOn(t -> "quiz-review".equals(t.get("processKey")))
                .extracting(t -> quizOf(t))
                .contains(othersQuiz)
                .doesNotContainAnyElementsOf(ownQuizzes);

        // her own quiz's review task is not hers to open, even by id
        Map<String, Object> hidden = awaitQuizReview(as("lucas.moreau"), ownQuizzes.get(0));
        assertThat(ines.get("/api/tasks/" + hidden.get("id")).status()).isEqualTo(404);
    }

    @Test
    void aPageSizeOutOfRangeIsRefusedNamingTheParameter() {
        Api.Response tooBig = as("ines.legrand").get("/api/tasks?max=501");
        assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(400);
        assertThat(AuthorisationFindingsTest.fields(tooBig)).containsEntry("max", "must be less than or equal to 500");

        Api.Response negative = as("ines.legrand").get("/api/tasks?first=-1");
        assertThat(negative.status()).as(negative.toString()).isEqualTo(400);
        assertThat(AuthorisationFindingsTest.fields(negative))
                .containsEntry("first", "must be greater than or equal to 0");

        // a cursor is only ever one the inbox gave out, and not together with a position
        Api.Response forged = as("ines.legrand").get("/api/tasks?after=bm90LWEtY3Vyc29y");
        assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
        assertThat(forged.message()).contains("after");
        Api.Response both = as("ines.legrand").get("/api/tasks?first=3&after=bm90LWEtY3Vyc29y");
        assertThat(both.status()).as(both.toString()).isEqualTo(400);
        assertThat(both.message()).contains("either 'first' or 'after'");
    }

    private String request(String employee, String employeeId) {
        Api.Response started = as(employee)
                .post(
                        "/api/requests",
                        "{\"employeeId\": \"" + employeeId + "\", \"justification\": \"keep my skills current\","
                                // a course by name: the support campaign's requests may hold their gaps' courses
                                + " \"requestedCourseIds\": [\"112\"]}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = (String) started.object().get("businessKey");
        asked.put(id, employee);
        return id;
    }

    /** The quiz's process instance, which its review task belongs to. */
    private static String startQuiz(Api starter) {
        Api.Response started = starter.post("/api/quizzes", "{\"courseId\": \"105\", \"maxQuestions\": 2}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return (String) started.object().get("processInstanceId");
    }

    private static String quizOf(Map<String, Object> task) {
        return (String) task.get("processInstanceId");
    }

    private static Map<String, Object> awaitQuizReview(Api reviewer, String quizId) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            var found = reviewer.get("/api/tasks?max=500").list().stream()
                    .filter(t -> quizId.equals(quizOf(t)))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(Instant.now())
                    .as("review task of " + quizId + " within 20 s")
                    .isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

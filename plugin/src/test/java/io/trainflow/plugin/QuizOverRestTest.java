package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A quiz review is started over REST by L&D or an SME, reviewed in the inbox, and its exports are listed. */
class QuizOverRestTest extends RunningTrainflow {

    @Test
    void onlyLdOrSmeStartAQuizReview() {
        Api.Response refused = as("alice.martin").post("/api/quizzes", "{\"courseId\": \"105\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.message()).contains("alice.martin is not in L&D (ld-team) or a subject-matter expert (sme)");

        Api.Response noCourse = as("hugo.roux").post("/api/quizzes", "{\"courseId\": \" \"}");
        assertThat(noCourse.status()).as(noCourse.toString()).isEqualTo(400);
        assertThat(AuthorisationFindingsTest.fields(noCourse)).containsKey("courseId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ldStartsAnSmeReviewsAndTheExportedFilesAreListed() throws Exception {
        Api ld = as("zoe.vincent");
        Api sme = as("hugo.roux"); // who asked for the draft does not review it: the inbox keeps the two apart
        Api.Response started = ld.post("/api/quizzes", "{\"courseId\": \"105\", \"maxQuestions\": 3}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String quizId = (String) started.object().get("businessKey");
        assertThat(quizId).startsWith("QUIZ-105-");
        assertThat(started.object()).containsEntry("reviewGroup", "sme");
        assertThat((List<String>) started.object().get("reviewers"))
                .contains("hugo.roux")
                .doesNotContain("zoe.vincent");

        Map<String, Object> review;
        try {
            review = sme.awaitTask(quizId, "review-quiz");
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; quiz: " + sme.get("/api/quizzes/" + quizId) + "; inbox: "
                            + sme.get("/api/tasks") + "; trail: " + sme.get("/api/requests/" + quizId),
                    e);
        }
        Map<String, Object> draft = (Map<String, Object>) ((Map<String, Object>)
                        sme.get("/api/tasks/" + review.get("id")).object().get("context"))
                .get("quizDraft");
        List<Map<String, Object>> questions = (List<Map<String, Object>>) draft.get("questions");
        assertThat(questions).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        Api.Response before = sme.get("/api/quizzes/" + quizId);
        assertThat(before.object())
                .containsEntry("state", "active")
                .containsEntry("courseId", "105")
                .containsEntry("startedBy", "zoe.vincent")
                .containsEntry("reviewers", started.object().get("reviewers"));
        assertThat((Map<String, Object>) before.object().get("files")).isNullOrEmpty();

        // the expert approves the first question and rejects the rest: only the first is exported
        List<String> reviews = new java.util.ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            reviews.add("{\"questionId\":\"" + questions.get(i).get("id") + "\",\"verdict\":\""
                    + (i == 0 ? "approve" : "reject") + "\"}");
        }
        Api.Response done = sme.post(
                "/api/tasks/" + review.get("id") + "/complete",
                "{\"variables\": {\"reviews\": [" + String.join(",", reviews) + "]}}");
        assertThat(done.status()).as(done.toString()).isEqualTo(204);

        Api.Response after = awaitEnded(ld, quizId);
        assertThat(after.object()).containsEntry("exportedQuestions", 1);
        Map<String, Object> files = (Map<String, Object>) after.object().get("files");
        assertThat(files).containsOnlyKeys("gift", "moodleXml");
        assertThat(Files.readString(Path.of((String) files.get("gift")))).contains("::q1::");
        assertThat(Files.readString(Path.of((String) files.get("moodleXml")))).contains("<quiz>");

        assertThat(as("alice.martin").get("/api/quizzes/" + quizId).status()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anSmeWhoStartsAReviewIsToldOtherExpertsReviewItAndDoesNotSeeItInTheInbox() {
        Api starter = as("hugo.roux");
        Api.Response started = starter.post("/api/quizzes", "{\"courseId\": \"105\", \"maxQuestions\": 2}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String quizId = (String) started.object().get("businessKey");
        List<String> reviewers = (List<String>) started.object().get("reviewers");
        assertThat(reviewers).isNotEmpty().doesNotContain("hugo.roux");

        // another expert named in the answer gets the review; the starter never sees it
        as(reviewers.get(0)).awaitTask(quizId, "review-quiz");
        assertThat(starter.get("/api/tasks").list()).noneMatch(t -> quizId.equals(t.get("requestId")));
    }

    private static Api.Response awaitEnded(Api api, String quizId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Api.Response status = api.get("/api/quizzes/" + quizId);
            if ("ended".equals(status.object().get("state"))) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("quiz review " + quizId + " did not end within 20 s");
    }
}

package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.quiz.MoodleGiftReader;
import io.trainflow.connectors.ai.wiring.AiEngines;
import io.trainflow.connectors.ai.wiring.AiSettings;
import io.trainflow.workflows.forms.TaskInputException;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Quiz drafting with the real offline engine: the AI drafts, an expert of the sme group approves one
 * question, rewrites one and rejects one, and only then are GIFT and Moodle XML written, holding exactly
 * the approved and the edited question, read back as Moodle reads them.
 */
class QuizReviewTest {

    @TempDir
    static Path cache;

    @TempDir
    Path exports;

    private SampleLifecycle life;

    @AfterEach
    void close() {
        life.close();
    }

    static AiPort offline(io.trainflow.workflows.TrainflowPorts p) {
        AiPort ai = AiEngines.create(
                AiSettings.fromEnvironment(Map.of("TRAINFLOW_AI_CACHE_DIR", cache.toString())), List.of());
        AiEngines.indexCatalogue(ai, p.lms(), p.catalogue());
        return ai;
    }

    @Test
    void onlyTheQuestionsAnExpertApprovedOrEditedAreExported() throws Exception {
        life = SampleLifecycle.startWith(p -> p.withAi(offline(p)).withQuizExports(exports));
        String instance = life.flowable()
                .getRuntimeService()
                .startProcessInstanceByKey(
                        "quiz-review",
                        "QUIZ-105",
                        Map.of("courseId", "105", "maxQuestions", 3, "requestedBy", "zoe.vincent"))
                .getId();
        life.run();

        assertThat(life.inbox("alice.martin"))
                .noneMatch(t -> t.getTaskDefinitionKey().equals("review-quiz"));
        Task review = life.inbox("hugo.roux").stream()
                .filter(t -> t.getTaskDefinitionKey().equals("review-quiz"))
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> draft = (Map<String, Object>) asMap(life.variable(review, "quizDraft"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> questions = (List<Map<String, Object>>) draft.get("questions");
        assertThat(questions).hasSize(3);
        assertThat(asMap(life.variable(review, "quizDraftProvenance")))
                .containsEntry("engine", "offline")
                .containsEntry("model", "all-minilm-l6-v2-q");
        try (var files = Files.list(exports)) {
            assertThat(files).as("nothing is exported before the review").isEmpty();
        }

        // finding 5: the review takes its form's fields only, a verdict per question; an edit keeps to the question
        Map<String, Object> injected = new LinkedHashMap<>(questions.get(0));
        assertThatThrownBy(() -> life.complete(
                        "hugo.roux",
                        review,
                        Map.of(
                                "reviews",
                                List.of(Map.of("questionId", "q1", "verdict", "approve")),
                                "requestedBy",
                                "hugo.roux",
                                "courseId",
                                "../../../..")))
                .isInstanceOfSatisfying(
                        TaskInputException.class,
                        e -> assertThat(e.problems()).containsKeys("requestedBy", "courseId"));
        assertThatThrownBy(() -> life.complete(
                        "hugo.roux",
                        review,
                        Map.of("reviews", List.of(Map.of("questionId", "q1", "verdict", "edit", "edited", injected)))))
                .isInstanceOfSatisfying(
                        TaskInputException.class, e -> assertThat(e.problems()).containsKey("reviews[0].edited.id"));
        assertThatThrownBy(() -> life.complete(
                        "hugo.roux",
                        review,
                        Map.of("reviews", List.of(Map.of("questionId", "q1", "verdict", "maybe")))))
                .isInstanceOfSatisfying(
                        TaskInputException.class, e -> assertThat(e.problems()).containsKey("reviews[0].verdict"));
        assertThat(life.variables("QUIZ-105"))
                .containsEntry("requestedBy", "zoe.vincent")
                .containsEntry("courseId", "105");

        Map<String, Object> edited = new LinkedHashMap<>(questions.get(1));
        edited.remove("id");
        edited.put("stem", "Rewritten by the expert: " + questions.get(1).get("stem"));
        List<Map<String, Object>> reviews = new ArrayList<>();
        reviews.add(Map.of("questionId", "q1", "verdict", "approve"));
        reviews.add(Map.of("questionId", "q2", "verdict", "edit", "edited", edited));
        reviews.add(Map.of("questionId", "q3", "verdict", "reject"));
        life.complete("hugo.roux", review, Map.of("reviews", reviews));

        Map<String, Object> vars = life.variables("QUIZ-105");
        assertThat(vars).containsEntry("quizReviewer", "hugo.roux");
        assertThat(((Number) vars.get("exportedQuestions")).intValue()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        Map<String, String> files = (Map<String, String>) vars.get("quizFiles");

        List<MoodleGiftReader.Read> gift = MoodleGiftReader.read(Files.readString(Path.of(files.get("gift"))));
        assertThat(gift).extracting(MoodleGiftReader.Read::name).containsExactly("q1", "q2");
        assertThat(gift.get(0).text()).isEqualTo(questions.get(0).get("stem"));
        assertThat(gift.get(1).text()).isEqualTo(edited.get("stem"));

        var xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of(files.get("moodleXml")).toFile());
        NodeList read = xml.getElementsByTagName("question");
        List<String> names = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        for (int i = 0; i < read.getLength(); i++) {
            Element q = (Element) read.item(i);
            names.add(((Element) q.getElementsByTagName("name").item(0))
                    .getTextContent()
                    .strip());
            stems.add(((Element) q.getElementsByTagName("questiontext").item(0))
                    .getTextContent()
                    .strip());
        }
        assertThat(names).containsExactly("q1", "q2");
        assertThat(stems).containsExactly((String) questions.get(0).get("stem"), (String) edited.get("stem"));
        assertThat(String.join("\n", stems))
                .doesNotContain((String) questions.get(2).get("stem"));
        assertThat(life.flowable()
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getEndActivityId())
                .isEqualTo("quiz-exported");
    }

    @Test
    void aReviewLeavingAQuestionUndecidedOrDecidingOneNotDraftedIsRefusedAsItIsCompleted() {
        life = SampleLifecycle.startWith(p -> p.withAi(offline(p)).withQuizExports(exports));
        life.flowable()
                .getRuntimeService()
                .startProcessInstanceByKey(
                        "quiz-review",
                        "QUIZ-104",
                        Map.of("courseId", "104", "maxQuestions", 2, "requestedBy", "zoe.vincent"));
        life.run();
        Task review = life.task("hugo.roux", "review-quiz", null);

        assertThatThrownBy(() -> life.complete(
                        "hugo.roux",
                        review,
                        Map.of("reviews", List.of(Map.of("questionId", "q1", "verdict", "approve")))))
                .isInstanceOfSatisfying(
                        TrainflowProblem.InvalidInput.class,
                        e -> assertThat(e.fields()).containsOnlyKeys("reviews"));
        assertThatThrownBy(() -> life.complete(
                        "hugo.roux",
                        review,
                        Map.of(
                                "reviews",
                                List.of(
                                        Map.of("questionId", "q1", "verdict", "approve"),
                                        Map.of("questionId", "q2", "verdict", "approve"),
                                        Map.of("questionId", "q7", "verdict", "approve")))))
                .isInstanceOfSatisfying(
                        TrainflowProblem.InvalidInput.class,
                        e -> assertThat(e.fields()).containsOnlyKeys("reviews[2].questionId"));

        assertThat(life.task("hugo.roux", "review-quiz", null).getId()).isEqualTo(review.getId());
        assertThat(exports).isEmptyDirectory();
    }

    /** Records come back from the engine as maps or as the handler's record: compare as maps either way. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m
                ? (Map<String, Object>) m
                : new tools.jackson.databind.json.JsonMapper().convertValue(value, Map.class);
    }
}

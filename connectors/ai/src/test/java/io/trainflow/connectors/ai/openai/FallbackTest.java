package io.trainflow.connectors.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.port.PathReason;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.ai.testdata.TestEngines;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever the model does wrong, the step gets the offline result and the reason is recorded. */
class FallbackTest {

    private static final String OK_PYTHON = "{\"courseId\":\"103\",\"skillId\":\"python\",\"explanation\":\"Fits.\"}";
    private static final String OK_SQL = "{\"courseId\":\"104\",\"skillId\":\"sql\",\"explanation\":\"Fits.\"}";

    private static AiResult<List<PathReason>> explainWith(StubModel stub) {
        try (ModelAi ai = ModelFixtures.model(stub)) {
            return ai.explainPath(null, ModelFixtures.alicePath());
        }
    }

    private static void assertOfflineFallback(AiResult<List<PathReason>> result, String reasonPart) {
        AiResult<List<PathReason>> offline = TestEngines.offline().explainPath(null, ModelFixtures.alicePath());
        assertThat(result.value()).isEqualTo(offline.value());
        assertThat(result.provenance().engine()).isEqualTo("offline:all-minilm-l6-v2-q");
        assertThat(result.provenance().fallbackFrom()).isEqualTo("openai-compatible:llama3.1:8b");
        assertThat(result.provenance().fallbackReason()).contains(reasonPart);
    }

    private static String reasons(String... items) {
        return StubModel.completion("{\"reasons\":[" + String.join(",", items) + "]}");
    }

    @Test
    void aCourseNotInTheCatalogueIsRejected() throws Exception {
        try (StubModel stub = new StubModel()
                .then(
                        200,
                        reasons(
                                OK_PYTHON,
                                "{\"courseId\":\"999\",\"skillId\":\"sql\",\"explanation\":\"Take our partner's course.\"}"))) {
            assertOfflineFallback(explainWith(stub), "course id 999 is not in the catalogue");
        }
    }

    @Test
    void aSkillNotInTheGapListIsRejected() throws Exception {
        try (StubModel stub = new StubModel()
                .then(
                        200,
                        reasons(
                                OK_PYTHON,
                                "{\"courseId\":\"104\",\"skillId\":\"leadership\",\"explanation\":\"Fits.\"}"))) {
            assertOfflineFallback(explainWith(stub), "skill leadership is not in the gap list");
        }
    }

    @Test
    void aMissingItemIsRejected() throws Exception {
        try (StubModel stub = new StubModel().then(200, reasons(OK_PYTHON))) {
            assertOfflineFallback(explainWith(stub), "no reason for course 104");
        }
    }

    @Test
    void contentThatIsNotJsonIsRejected() throws Exception {
        try (StubModel stub = new StubModel().then(200, StubModel.completion("Sure! Here are the reasons: ..."))) {
            assertOfflineFallback(explainWith(stub), "answer is not valid JSON");
        }
    }

    @Test
    void aResponseThatIsNotAChatCompletionIsRejected() throws Exception {
        try (StubModel stub = new StubModel().then(200, "<html>proxy login</html>")) {
            assertOfflineFallback(explainWith(stub), "response is not JSON");
        }
    }

    @Test
    void anAnswerBreakingTheSchemaIsRejected() throws Exception {
        try (StubModel stub = new StubModel()
                .then(
                        200,
                        StubModel.completion(
                                "{\"reasons\":[" + OK_PYTHON + "," + OK_SQL + "],\"confidence\":\"high\"}"))) {
            assertOfflineFallback(explainWith(stub), "unexpected property confidence");
        }
        try (StubModel stub = new StubModel().then(200, StubModel.completion("{\"reasons\":[{\"courseId\":104}]}"))) {
            assertOfflineFallback(explainWith(stub), "breaks schema model-explain-path/1");
        }
    }

    @Test
    void aTimeoutIsRetriedThenFallsBack() throws Exception {
        try (StubModel stub = new StubModel().answering(r -> "{}")) {
            for (int i = 0; i < 3; i++) {
                stub.thenSlow(2000, reasons(OK_PYTHON, OK_SQL));
            }
            long start = System.nanoTime();
            AiResult<List<PathReason>> result = explainWith(stub);
            assertOfflineFallback(result, "model unavailable after 3 attempts: timed out after 800 ms");
            assertThat(stub.received).hasSize(3);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        }
    }

    @Test
    void rateLimitingAndServerErrorsAreRetried() throws Exception {
        try (StubModel stub = new StubModel().then(429, "{}").then(503, "{}").then(200, reasons(OK_PYTHON, OK_SQL))) {
            AiResult<List<PathReason>> result = explainWith(stub);
            assertThat(result.provenance().fellBack()).isFalse();
            assertThat(result.value()).extracting(PathReason::explanation).containsExactly("Fits.", "Fits.");
            assertThat(stub.received).hasSize(3);
        }
        try (StubModel stub = new StubModel().then(500, "{}").then(502, "{}").then(500, "{}")) {
            assertOfflineFallback(explainWith(stub), "model unavailable after 3 attempts: HTTP 500");
            assertThat(stub.received).hasSize(3);
        }
    }

    @Test
    void aRefusedRequestIsNotRetried() throws Exception {
        try (StubModel stub = new StubModel().then(401, "{\"error\":{\"message\":\"bad key\"}}")) {
            assertOfflineFallback(explainWith(stub), "refused the request: HTTP 401");
            assertThat(stub.received).hasSize(1);
        }
    }

    @Test
    void anUnreachableEndpointFallsBack() {
        OpenAiConfig nowhere = OpenAiConfig.of("http://127.0.0.1:9/v1", "llama3.1:8b", null)
                .withRetries(2, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1));
        try (ModelAi ai =
                ModelFixtures.model(nowhere, io.trainflow.connectors.ai.privacy.DataClassification.defaults())) {
            assertOfflineFallback(ai.explainPath(null, ModelFixtures.alicePath()), "connection failed");
        }
    }

    @Test
    void aSummaryCitingASentenceThatDoesNotExistIsRejected() throws Exception {
        List<String> comments = List.of("Great labs.", "Too short.", "Clear trainer.", "Cold room.");
        try (StubModel stub = new StubModel()
                        .then(
                                200,
                                StubModel.completion("{\"summary\":\"People loved it.\",\"sentenceIndexes\":[0,7]}"));
                ModelAi ai = ModelFixtures.model(stub)) {
            var result = ai.summariseFeedback(comments, 2);
            assertThat(result.value())
                    .isEqualTo(
                            TestEngines.offline().summariseFeedback(comments, 2).value());
            assertThat(result.provenance().fallbackReason()).isEqualTo("sentence index 7 does not exist");
        }
    }

    @Test
    void aValidSummaryQuotesTheEmployeesOwnSentences() throws Exception {
        List<String> comments = List.of("Great labs.", "Too short.", "Clear trainer.", "Cold room.");
        try (StubModel stub = new StubModel()
                        .then(
                                200,
                                StubModel.completion(
                                        "{\"summary\":\"Labs and trainer were praised; the course felt short.\",\"sentenceIndexes\":[2,0,1]}"));
                ModelAi ai = ModelFixtures.model(stub)) {
            var result = ai.summariseFeedback(comments, 3);
            assertThat(result.value().sentences()).containsExactly("Great labs.", "Too short.", "Clear trainer.");
            assertThat(result.value().engine()).isEqualTo("openai-compatible:llama3.1:8b");
            assertThat(result.provenance().templateVersion()).isEqualTo("model-feedback-summary/1");
        }
    }
}

package io.trainflow.connectors.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.port.PathReason;
import io.trainflow.connectors.ai.privacy.DataClassification;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.ai.testdata.TestEngines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;

/** The model calls go through Camel routes that own retries, the breaker and the rate limit. */
class ModelRoutesTest {

    private static final String OK = StubModel.completion("{\"reasons\":["
            + "{\"courseId\":\"103\",\"skillId\":\"python\",\"explanation\":\"Fits.\"},"
            + "{\"courseId\":\"104\",\"skillId\":\"sql\",\"explanation\":\"Fits.\"}]}");

    @Test
    void everyConcernHasItsOwnRouteOverOneChatTransport() throws Exception {
        try (StubModel stub = new StubModel();
                ChatClient client = new ChatClient(ModelFixtures.config(stub))) {
            assertThat(client.camel().getRoutes())
                    .extracting(Route::getRouteId)
                    .containsExactlyInAnyOrder(
                            "ai-explain-path",
                            "ai-summarise-feedback",
                            "ai-draft-quiz",
                            "ai-analyse-needs",
                            "ai-match-sessions",
                            "ai-chat");
        }
    }

    @Test
    void aRateLimitedCallIsRetriedAndThenAnswered() throws Exception {
        try (StubModel stub = new StubModel()
                        .then(429, "{\"error\":{\"message\":\"slow down\"}}")
                        .then(200, OK);
                ModelAi ai = ModelFixtures.model(stub)) {
            AiResult<List<PathReason>> result = ai.explainPath(null, ModelFixtures.alicePath());
            assertThat(result.provenance().fellBack()).isFalse();
            assertThat(result.provenance().engine()).isEqualTo("openai-compatible:llama3.1:8b");
            assertThat(stub.received).hasSize(2);
        }
    }

    @Test
    void aRateLimitedCallWaitsWhatItsRetryAfterAsks() throws Exception {
        // the computed backoff (10 ms) is far shorter than the server's 1 s; the cap (5 s) is longer
        assertThat(millisBeforeRetry("1", Duration.ofSeconds(5))).isGreaterThanOrEqualTo(900);
    }

    @Test
    void aRetryAfterLongerThanTheMaximumBackoffIsCapped() throws Exception {
        // retried after the 200 ms cap, not after the hour the server asked for
        assertThat(millisBeforeRetry("3600", Duration.ofMillis(200))).isBetween(150L, 30_000L);
    }

    /** A 429 with this Retry-After, then a good answer: the step is answered, and the wait between the two calls. */
    private static long millisBeforeRetry(String retryAfter, Duration maxBackoff) throws Exception {
        try (StubModel stub = new StubModel()
                .then(429, "{}", Map.of("Retry-After", retryAfter))
                .then(200, OK)) {
            OpenAiConfig config = ModelFixtures.config(stub).withRetries(3, Duration.ofMillis(10), maxBackoff);
            try (ModelAi ai = ModelFixtures.model(config, DataClassification.defaults())) {
                assertThat(ai.explainPath(null, ModelFixtures.alicePath())
                                .provenance()
                                .fellBack())
                        .isFalse();
            }
            assertThat(stub.received).hasSize(2);
            return (stub.received.get(1).atNanos() - stub.received.get(0).atNanos()) / 1_000_000;
        }
    }

    @Test
    void aMalformedAnswerIsNotRetriedButFallsBack() throws Exception {
        try (StubModel stub = new StubModel()
                        .then(200, StubModel.completion("{\"reasons\": [oops"))
                        .then(200, OK);
                ModelAi ai = ModelFixtures.model(stub)) {
            AiResult<List<PathReason>> result = ai.explainPath(null, ModelFixtures.alicePath());
            assertThat(result.provenance().fallbackReason()).isEqualTo("answer is not valid JSON");
            assertThat(result.provenance().engine()).startsWith("offline:");
            assertThat(stub.received).hasSize(1); // the 200 with the good answer was never asked for
        }
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndStepsGoOfflineWithoutCalling() throws Exception {
        try (StubModel stub = new StubModel()) { // answers 500 to everything
            OpenAiConfig config = ModelFixtures.config(stub)
                    .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2))
                    .withBreaker(2, Duration.ofMinutes(5));
            try (ModelAi model = ModelFixtures.model(config, DataClassification.defaults())) {
                AiResult<List<PathReason>> first = model.explainPath(null, ModelFixtures.alicePath());
                assertThat(first.provenance().fallbackReason())
                        .isEqualTo("model unavailable after 2 attempts: HTTP 500");
                assertThat(stub.received).hasSize(2); // two failures in a row: the threshold

                AiResult<List<PathReason>> second = model.explainPath(null, ModelFixtures.alicePath());
                assertThat(stub.received).hasSize(2); // not called again
                assertThat(second.provenance().engine()).startsWith("offline:");
                assertThat(second.provenance().fallbackFrom()).isEqualTo("openai-compatible:llama3.1:8b");
                assertThat(second.provenance().fallbackReason())
                        .startsWith("circuit breaker open for model llama3.1:8b");
                assertThat(second.value()).isEqualTo(first.value());
            }
        }
    }

    @Test
    void closingTheEngineStopsItsRoutesAndLeavesTheOfflineEngineUsable() throws Exception {
        try (StubModel stub = new StubModel().answering(ModelFixtures::explainEveryItem)) {
            OpenAiConfig config = ModelFixtures.config(stub);
            ChatClient client = new ChatClient(config);
            ModelAi model = new ModelAi(
                    config,
                    client,
                    TestEngines.offline(),
                    ModelFixtures.pseudonymiser(),
                    DataClassification.defaults(),
                    TestEngines.CLOCK);
            assertThat(client.camel().isStarted()).isTrue();

            model.close();

            assertThat(client.camel().isStopped()).isTrue();
            assertThat(TestEngines.offline()
                            .explainPath(null, ModelFixtures.alicePath())
                            .value())
                    .hasSize(2);
        }
    }
}

package io.trainflow.connectors.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.quiz.QuizDraft;
import io.trainflow.connectors.ai.quiz.QuizQuestion;
import io.trainflow.connectors.ai.testdata.Sample;
import io.trainflow.connectors.ai.testdata.TestEngines;
import org.junit.jupiter.api.Test;

class ModelQuizTest {

    private static final String MC =
            "{\"type\":\"multiple_choice\",\"stem\":\"Which list ranks web risks?\",\"choices\":["
                    + "{\"text\":\"OWASP Top Ten\",\"correct\":true},{\"text\":\"ITIL\",\"correct\":false},{\"text\":\"PMBOK\",\"correct\":false}],"
                    + "\"answer\":null,\"feedback\":\"OWASP publishes it.\"}";
    private static final String TF =
            "{\"type\":\"true_false\",\"stem\":\"Threat modelling happens before coding.\",\"choices\":[],"
                    + "\"answer\":true,\"feedback\":\"\"}";

    @Test
    void aValidDraftBecomesQuestionsWithOurIds() throws Exception {
        try (StubModel stub = new StubModel()
                        .then(200, StubModel.completion("{\"questions\":[" + MC + "," + TF + "," + TF + "]}"));
                ModelAi ai = ModelFixtures.model(stub)) {
            var result = ai.draftQuiz(ModelFixtures.course("105"), Sample.catalogue(), 2);
            QuizDraft draft = result.value();
            assertThat(draft.questions())
                    .extracting(QuizQuestion::id)
                    .containsExactly("q1", "q2"); // at most what was asked
            assertThat(draft.questions().get(0).choices()).hasSize(3);
            assertThat(draft.questions().get(1).answer()).isTrue();
            assertThat(result.provenance().engine()).isEqualTo("openai-compatible:llama3.1:8b");
            assertThat(result.provenance().templateVersion()).isEqualTo("model-quiz/1");
            assertThat(stub.received.get(0).data().get("course").get("summary").asString())
                    .contains("OWASP");
        }
    }

    @Test
    void aQuestionWithTwoCorrectChoicesSendsTheStepOffline() throws Exception {
        String twoCorrect = MC.replace("\"ITIL\",\"correct\":false", "\"ITIL\",\"correct\":true");
        try (StubModel stub = new StubModel().then(200, StubModel.completion("{\"questions\":[" + twoCorrect + "]}"));
                ModelAi ai = ModelFixtures.model(stub)) {
            var result = ai.draftQuiz(ModelFixtures.course("105"), Sample.catalogue(), 4);
            assertThat(result.value())
                    .isEqualTo(TestEngines.offline()
                            .draftQuiz(ModelFixtures.course("105"), Sample.catalogue(), 4)
                            .value());
            assertThat(result.provenance().fallbackReason())
                    .isEqualTo("answer rejected: multiple choice needs exactly one correct choice: q1");
        }
    }

    @Test
    void anUnknownQuestionTypeBreaksTheSchema() throws Exception {
        try (StubModel stub = new StubModel()
                        .then(
                                200,
                                StubModel.completion("{\"questions\":[" + TF.replace("true_false", "essay") + "]}"));
                ModelAi ai = ModelFixtures.model(stub)) {
            var result = ai.draftQuiz(ModelFixtures.course("105"), Sample.catalogue(), 4);
            assertThat(result.provenance().fallbackReason()).contains("$.questions[0].type: not one of");
        }
    }
}

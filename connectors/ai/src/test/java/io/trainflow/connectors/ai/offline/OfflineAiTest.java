package io.trainflow.connectors.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.FeedbackSummary;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.ai.testdata.Sample;
import io.trainflow.connectors.ai.testdata.TestEngines;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineAiTest {

    private final OfflineAi ai = TestEngines.offline();

    static final List<String> COMMENTS = List.of(
            "The trainer explained Kubernetes networking very clearly. The labs were too short.",
            "Great hands-on labs, but we needed more time for the labs.",
            "Clear explanations of networking and storage; I would like longer lab sessions.",
            "The room was cold.",
            "Very clear trainer, the networking chapter was the best part.",
            "Lunch was fine.");

    @Test
    void feedbackSummaryQuotesRepresentativeSentencesVerbatim() {
        FeedbackSummary summary = ai.summariseFeedback(COMMENTS, 3).value();
        List<String> sentences = Sentences.of(COMMENTS);
        assertThat(summary.sentences())
                .hasSize(3)
                .allSatisfy(s -> assertThat(sentences).contains(s));
        assertThat(summary.text()).isEqualTo(String.join(" ", summary.sentences()));
        assertThat(summary.sentences()).doesNotContain("The room was cold.", "Lunch was fine.");
        assertThat(summary.engine()).isEqualTo("offline:all-minilm-l6-v2-q");
        assertThat(ai.summariseFeedback(COMMENTS, 3).value()).isEqualTo(summary); // deterministic
    }

    @Test
    void noCommentsGiveASummarySayingSo() {
        assertThat(ai.summariseFeedback(List.of(" ", ""), 3).value().sentences())
                .isEmpty();
        assertThat(ai.summariseFeedback(null, 3).value().text()).isEqualTo("No feedback comments were given.");
    }

    @Test
    void everyOutputCarriesItsProvenance() {
        SkillNeed need = Sample.labelledGaps().get(0).need();
        AiResult<?> ranked = ai.rankCourses(need, Sample.catalogue());
        assertThat(ranked.provenance().engine()).isEqualTo("offline:all-minilm-l6-v2-q");
        assertThat(ranked.provenance().templateVersion()).isEqualTo(OfflineTemplates.RANK);
        assertThat(ranked.provenance().inputHash()).matches("[0-9a-f]{64}");
        assertThat(ranked.provenance().createdAt()).isEqualTo(TestEngines.CLOCK.instant());
        assertThat(ranked.provenance().fellBack()).isFalse();
        // same inputs, same hash; different inputs, different hash
        assertThat(ai.rankCourses(need, Sample.catalogue()).provenance().inputHash())
                .isEqualTo(ranked.provenance().inputHash())
                .isNotEqualTo(ai.rankCourses(need, Sample.catalogue().subList(1, 5))
                        .provenance()
                        .inputHash());
        assertThat(ai.summariseFeedback(COMMENTS, 2).provenance().templateVersion())
                .isEqualTo(OfflineTemplates.SUMMARY);
        assertThat(ai.draftQuiz(Sample.catalogue().get(0), Sample.catalogue(), 4)
                        .provenance()
                        .templateVersion())
                .isEqualTo("offline-quiz/1");
    }
}

package io.trainflow.workflows.needs;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.Sample;
import org.junit.jupiter.api.Test;

class AnalyseNeedsHandlerTest {

    final Sample sample = new Sample();
    final AnalyseNeedsHandler handler =
            new AnalyseNeedsHandler(sample.ports.catalogue(), sample.ports.hcm(), sample.ports.ai());

    @Test
    void gapsAreTheRoleRequirementsAboveTheLearnersLevelsLargestFirst() {
        AnalyseNeedsHandler.Output out = handler.handle(new AnalyseNeedsHandler.Input(sample.profile("1006")));

        assertThat(out.gapCount()).isEqualTo(3);
        assertThat(out.gaps())
                .containsExactly(
                        new Gap("kubernetes", "Kubernetes", 4, 2, 2),
                        new Gap("observability", "Observability", 4, 2, 2),
                        new Gap("incident-management", "Incident Management", 4, 3, 1));
        // through the AI port: the rule's result, explained, with its provenance for the audit trail
        assertThat(out.needsExplanation())
                .contains("Kubernetes 2 of 4", "Observability 2 of 4", "Incident Management 3 of 4");
        assertThat(out.needsProvenance().output()).isEqualTo("needs-analysis");
        assertThat(out.needsProvenance().templateVersion()).isEqualTo("rule-needs/1");
        assertThat(out.needsProvenance().inputHash()).hasSize(64);
    }

    @Test
    void aFullySkilledLearnerHasNoGap() {
        assertThat(handler.handle(new AnalyseNeedsHandler.Input(sample.profile("1005")))
                        .gapCount())
                .isZero();
    }

    @Test
    void aJobTitleWithoutARoleHasNoGap() {
        AnalyseNeedsHandler.Output out = handler.handle(new AnalyseNeedsHandler.Input(sample.profile("1001")));
        assertThat(out.gaps()).isEmpty();
        assertThat(out.needsProvenance()).isNull(); // no role: the AI was not asked
    }
}

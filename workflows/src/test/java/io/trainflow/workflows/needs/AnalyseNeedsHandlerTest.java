package io.trainflow.workflows.needs;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.workflows.Sample;
import org.junit.jupiter.api.Test;

class AnalyseNeedsHandlerTest {

    final Sample sample = new Sample();
    final AnalyseNeedsHandler handler = new AnalyseNeedsHandler(sample.ports.catalogue(), sample.ports.hcm());

    @Test
    void gapsAreTheRoleRequirementsAboveTheLearnersLevelsLargestFirst() {
        AnalyseNeedsHandler.Output out = handler.handle(new AnalyseNeedsHandler.Input(sample.profile("1006")));

        assertThat(out.gapCount()).isEqualTo(3);
        assertThat(out.gaps()).containsExactly(
                new Gap("kubernetes", "Kubernetes", 4, 2, 2),
                new Gap("observability", "Observability", 4, 2, 2),
                new Gap("incident-management", "Incident Management", 4, 3, 1));
    }

    @Test
    void aFullySkilledLearnerHasNoGap() {
        assertThat(handler.handle(new AnalyseNeedsHandler.Input(sample.profile("1005"))).gapCount()).isZero();
    }

    @Test
    void aJobTitleWithoutARoleHasNoGap() {
        assertThat(handler.handle(new AnalyseNeedsHandler.Input(sample.profile("1001"))).gaps()).isEmpty();
    }
}

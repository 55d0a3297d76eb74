package io.trainflow.connectors.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.CourseMatch;
import io.trainflow.connectors.ai.testdata.Sample;
import io.trainflow.connectors.ai.testdata.TestEngines;
import io.trainflow.connectors.sample.SampleAi;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Swapping the sample's token-overlap ranker for the embedding model must not change the sample
 * organisation's routes: for every skill, with and without the courses the sample learners already
 * completed, both pick the same course above RankLearningPathHandler's 0.3 cut-off (or both none).
 */
class SameChoicesAsSampleTest {

    @Test
    void embeddingRankerPicksWhatTheSampleRankerPicks() {
        List<CourseCandidate> catalogue = Sample.catalogue();
        for (Set<String> completed : List.of(Set.<String>of(), Set.of("101", "104"), Set.of("115"))) {
            List<CourseCandidate> candidates = catalogue.stream()
                    .filter(c -> !completed.contains(c.courseId()))
                    .toList();
            for (Sample.LabelledGap g : Sample.labelledGaps().subList(0, 16)) {
                assertThat(pick(TestEngines.offline()
                                .rankCourses(g.need(), candidates)
                                .value()))
                        .as("%s without %s", g.need().skillId(), completed)
                        .isEqualTo(pick(new SampleAi(java.time.Clock.systemUTC())
                                .rankCourses(g.need(), candidates)
                                .value()));
            }
        }
    }

    private static Optional<String> pick(List<CourseMatch> ranked) {
        return ranked.stream().filter(m -> m.similarity() >= 0.3).findFirst().map(CourseMatch::courseId);
    }
}

package io.trainflow.connectors.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.CourseMatch;
import io.trainflow.connectors.ai.FeedbackSummary;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.catalogue.CourseOffering;
import io.trainflow.connectors.hcm.Skill;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleAiTest {

    final SampleOrganisation org = SampleOrganisation.fromClasspath();
    final SampleAi ai = new SampleAi(java.time.Clock.systemUTC());

    List<CourseCandidate> candidates() {
        Map<String, CourseOffering> offerings = org.catalogue().offerings().stream()
                .collect(Collectors.toMap(CourseOffering::courseId, Function.identity()));
        return org.lms().courses().stream()
                .map(c -> new CourseCandidate(
                        c.id(), c.fullname(), c.summary(), offerings.get(c.id()).tags()))
                .toList();
    }

    @Test
    void forEverySkillTheBestCourseIsOneTheCatalogueSaysTeachesIt() {
        // guards the sample data: if text similarity picks an unrelated course, the demo misleads
        for (Skill skill : org.hcm().skills()) {
            SkillNeed need = new SkillNeed(skill.id(), skill.name(), skill.description(), 3, 1);
            CourseMatch best = ai.rankCourses(need, candidates()).value().get(0);
            assertThat(org.catalogue().offering(best.courseId()).orElseThrow().skillIds())
                    .as("best course %s for %s", best, skill.id())
                    .contains(skill.id());
            assertThat(best.similarity()).as(skill.id()).isGreaterThanOrEqualTo(0.3);
        }
    }

    @Test
    void everyCandidateComesBackWithASimilarityBetweenZeroAndOne() {
        SkillNeed need = new SkillNeed("kubernetes", "Kubernetes", "Container orchestration", 4, 2);

        List<CourseMatch> ranked = ai.rankCourses(need, candidates()).value();

        assertThat(ranked).hasSize(candidates().size());
        assertThat(ranked).allSatisfy(m -> assertThat(m.similarity()).isBetween(0.0, 1.0));
        assertThat(ranked).isSortedAccordingTo((a, b) -> Double.compare(b.similarity(), a.similarity()));
    }

    @Test
    void explanationNamesTheSkillAndTheSharedTerms() {
        SkillNeed need = new SkillNeed("kubernetes", "Kubernetes", "Container orchestration", 4, 2);
        CourseCandidate course =
                new CourseCandidate("106", "Kubernetes Operations", "Operating clusters", List.of("kubernetes"));

        assertThat(ai.explainMatch(need, course, 0.8))
                .contains("Kubernetes", "level 2", "needs 4", "kubernetes", "0.80");
    }

    @Test
    void summaryOnlyQuotesGivenComments() {
        List<String> comments = List.of(
                "The hands-on labs were practical and useful.",
                "Practical labs, useful for my work.",
                "Room was cold.",
                "Useful and practical exercises in the labs.");

        FeedbackSummary summary = ai.summariseFeedback(comments, 2).value();

        assertThat(summary.sentences()).hasSize(2).isSubsetOf(comments).doesNotContain("Room was cold.");
        assertThat(summary.text()).isEqualTo(String.join(" ", summary.sentences()));
        assertThat(summary.engine()).isEqualTo(SampleAi.ENGINE);
    }

    @Test
    void noCommentsNoSentences() {
        assertThat(ai.summariseFeedback(List.of(" ", ""), 3).value().sentences())
                .isEmpty();
    }
}

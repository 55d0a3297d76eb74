package io.trainflow.workflows.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.hcm.SkillLevels;
import io.trainflow.connectors.lms.CourseGrade;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.path.PathCourse;
import io.trainflow.workflows.profile.Profile;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationHandlersTest {

    final Sample sample = new Sample();
    final Profile alice = sample.profile("1004");
    final List<PathCourse> path = List.of(
            new PathCourse("103", "PY-AUTO", "Python for Automation", "python", 0.8, 400, "", null),
            new PathCourse("104", "SQL-101", "SQL and Relational Databases", "sql", 0.8, 350, "", null));

    void aliceFinishesEverything() {
        path.forEach(p -> sample.ports.lms().enrol("alice.martin", p.courseId(), Sample.START, null));
        sample.org.advanceProgress("alice.martin");
        sample.org.advanceProgress("alice.martin");
    }

    @Test
    void reactionIsTheLearnersOwnFeedback() {
        aliceFinishesEverything();

        Reaction r = new CollectFeedbackHandler(sample.ports.lms())
                .handle(new CollectFeedbackHandler.Input(alice, path))
                .reaction();

        assertThat(r.responses()).isEqualTo(2);
        assertThat(r.averageScore()).isBetween(5.0, 10.0);
        assertThat(r.nps()).isBetween(-100.0, 100.0);
        assertThat(r.comments()).hasSize(2);
    }

    @Test
    void npsIsPromotersMinusDetractors() {
        assertThat(Reaction.nps(List.of(10, 9, 8, 6))).isEqualTo(25.0);
        assertThat(Reaction.nps(List.of(0, 3))).isEqualTo(-100.0);
        assertThat(Reaction.nps(List.of())).isNull();
    }

    @Test
    void gradesArePercentWithPassByThePassGrade() {
        aliceFinishesEverything();

        Learning l = new CollectGradesHandler(sample.ports.lms())
                .handle(new CollectGradesHandler.Input(alice, path))
                .learning();

        List<CourseGrade> raw = sample.ports.lms().grades("alice.martin", List.of("103", "104"));
        assertThat(l.grades()).hasSize(2).allSatisfy(g -> {
            CourseGrade lms = raw.stream()
                    .filter(x -> x.courseId().equals(g.courseId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(g.grade()).isEqualTo(lms.percent());
            assertThat(g.passed()).isEqualTo(lms.grade() >= 60);
        });
        assertThat(l.allPassed()).isEqualTo(l.grades().stream().allMatch(g -> Boolean.TRUE.equals(g.passed())));
    }

    @Test
    void coursesWithoutGradedItemsAreNeitherPassedNorFailed() {
        // issue 10: a course completed in Moodle with no graded items was reported `passed: false`
        Learning l = new CollectGradesHandler(sample.ports.lms())
                .handle(new CollectGradesHandler.Input(alice, path))
                .learning();

        assertThat(l.grades()).isNotEmpty().allSatisfy(g -> {
            assertThat(g.passed()).as("no grade is not a fail").isNull();
            assertThat(g.result()).isEqualTo("no graded items");
        });
        assertThat(l.allPassed()).isNull();
        assertThat(l.averageGrade()).isNull();
    }

    @Test
    void passedCoursesAreRecordedOnceAndRaiseTheSkillOnce() {
        Learning passedBoth = new Learning(
                List.of(new Learning.CourseResult("103", 80.0, true), new Learning.CourseResult("104", 40.0, false)),
                60.0,
                false);
        RecordTrainingHandler handler = new RecordTrainingHandler(sample.ports.hcm(), sample.ports.lms(), sample.clock);
        RecordTrainingHandler.Input input = new RecordTrainingHandler.Input(alice, path, passedBoth, "REQ-1");

        var first = handler.handle(input).trainingRecords();
        var again = handler.handle(input).trainingRecords();

        assertThat(first).extracting(RecordTrainingHandler.Recorded::courseId).containsExactly("103");
        assertThat(again).isEqualTo(first);
        assertThat(sample.ports.hcm().trainingRecords("1004"))
                .singleElement()
                .satisfies(r -> assertThat(r.number()).isEqualTo("PY-AUTO/REQ-1"));
        assertThat(sample.ports.hcm().skills("1004"))
                .filteredOn(s -> s.skillId().equals("python"))
                .singleElement()
                .satisfies(s -> assertThat(SkillLevels.level(s)).isEqualTo(2));
        assertThat(sample.profile("1004").skills()).containsEntry("sql", 2);
    }

    @Test
    void reviewAfterIsTheLatestReview() {
        LoadReviewHandler handler = new LoadReviewHandler(sample.ports.hcm());
        assertThat(handler.handle(new LoadReviewHandler.Input("1023")).reviewAfter())
                .isNull();

        sample.org.setReviewRating("1004", 81);

        assertThat(handler.handle(new LoadReviewHandler.Input("1004")).reviewAfter())
                .isEqualTo(81.0);
    }
}

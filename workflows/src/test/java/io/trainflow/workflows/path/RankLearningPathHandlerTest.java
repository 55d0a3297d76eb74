package io.trainflow.workflows.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.lms.Course;
import io.trainflow.workflows.Sample;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.needs.AnalyseNeedsHandler;
import io.trainflow.workflows.profile.CourseHistoryEntry;
import io.trainflow.workflows.profile.LoadProfileHandler;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankLearningPathHandlerTest {

    final Sample sample = new Sample();
    final RankLearningPathHandler handler = new RankLearningPathHandler(
            sample.ports.lms(), sample.ports.catalogue(), sample.ports.hcm(), sample.ports.ai());

    RankLearningPathHandler.Output rank(String employeeId, List<String> requested) throws BusinessError {
        LoadProfileHandler.Output loaded = new LoadProfileHandler(
                        sample.ports.hcm(), sample.ports.lms(), sample.ports.catalogue())
                .handle(new LoadProfileHandler.Input(employeeId));
        var gaps = new AnalyseNeedsHandler(sample.ports.catalogue(), sample.ports.hcm(), sample.ports.ai())
                .handle(new AnalyseNeedsHandler.Input(loaded.profile()))
                .gaps();
        return handler.handle(new RankLearningPathHandler.Input(
                gaps, loaded.courseHistory(), requested, loaded.profile(), "Automate our weekly reports"));
    }

    @Test
    void oneCoursePerGapWithCostAndReason() throws BusinessError {
        RankLearningPathHandler.Output out = rank("1004", List.of());

        assertThat(out.learningPath())
                .extracting(PathCourse::shortname, PathCourse::skillId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PY-AUTO", "python"),
                        org.assertj.core.groups.Tuple.tuple("SQL-101", "sql"));
        assertThat(out.pathCost()).isEqualTo(750.0);
        assertThat(out.learningPath()).allSatisfy(p -> {
            assertThat(p.similarity()).isBetween(0.3, 1.0);
            assertThat(p.reason()).contains(p.title());
        });
    }

    @Test
    void neverACourseTheLearnerAlreadyCompleted() throws BusinessError {
        // lea completed JAVA-FUND (101) and SQL-101 (104); both would otherwise be the best matches
        RankLearningPathHandler.Output out = rank("1008", List.of("104"));

        assertThat(out.learningPath())
                .extracting(PathCourse::courseId)
                .doesNotContain("101", "104")
                .contains("102");
    }

    @Test
    void neverACourseTheLearnerIsEnrolledInThroughAnotherRequest() throws BusinessError {
        // issue 10: a campaign re-proposed, re-enrolled and re-announced a course the employee's own request had
        // enrolled
        LoadProfileHandler.Output loaded = new LoadProfileHandler(
                        sample.ports.hcm(), sample.ports.lms(), sample.ports.catalogue())
                .handle(new LoadProfileHandler.Input("1004"));
        var gaps = new AnalyseNeedsHandler(sample.ports.catalogue(), sample.ports.hcm(), sample.ports.ai())
                .handle(new AnalyseNeedsHandler.Input(loaded.profile()))
                .gaps();
        List<CourseHistoryEntry> enrolledInPython = List.of(new CourseHistoryEntry("103", false, null));

        RankLearningPathHandler.Output out = handler.handle(new RankLearningPathHandler.Input(
                gaps, enrolledInPython, List.of(), loaded.profile(), "Department campaign"));

        assertThat(out.learningPath())
                .extracting(PathCourse::courseId)
                .doesNotContain("103")
                .contains("104");
    }

    @Test
    void neverACourseOutsideTheCatalogue() throws BusinessError {
        RankLearningPathHandler.Output out = rank("1006", List.of("999", "not-a-course"));

        List<String> catalogue =
                sample.ports.lms().courses().stream().map(Course::id).toList();
        assertThat(out.learningPath())
                .extracting(PathCourse::courseId)
                .isSubsetOf(catalogue)
                .doesNotContain("999");
        assertThat(out.pathCost()).as("emma's path needs L&D approval").isGreaterThan(1000);
    }

    @Test
    void requestedCoursesComeFirstAndCoverTheirGap() throws BusinessError {
        // alice asks for Cloud Architecture (no gap of hers) and PY-AUTO, which covers her Python gap
        RankLearningPathHandler.Output out = rank("1004", List.of("122", "103"));

        assertThat(out.learningPath()).extracting(PathCourse::courseId).containsExactly("122", "103", "104");
        assertThat(out.learningPath().get(0).skillId()).isNull();
        assertThat(out.learningPath().get(0).reason()).startsWith("Requested.");
        assertThat(out.learningPath().get(1).skillId()).isEqualTo("python");
    }

    @Test
    void noGapAndNothingRequestedIsNoMatchingCourse() {
        assertThatThrownBy(() -> rank("1005", List.of()))
                .isInstanceOfSatisfying(
                        BusinessError.class, e -> assertThat(e.code()).isEqualTo("NO_MATCHING_COURSE"));
    }

    @Test
    void aGapNoRemainingCourseTeachesIsLeftOut() throws BusinessError {
        List<CourseHistoryEntry> everySqlCourseDone = List.of(new CourseHistoryEntry("104", true, 90.0));
        var gaps = List.of(new io.trainflow.workflows.needs.Gap("sql", "SQL", 3, 2, 1));

        assertThatThrownBy(() ->
                        handler.handle(new RankLearningPathHandler.Input(gaps, everySqlCourseDone, null, null, null)))
                .isInstanceOf(BusinessError.class);
    }
}

package io.trainflow.workflows.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;
import java.util.List;

/** Kirkpatrick level 2: what the learner's grades show they learnt. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Learning(
        @Doc("One entry per course of the path") List<CourseResult> grades,

        @Doc(value = "Mean grade in percent over graded courses; null when none is graded", optional = true)
        Double averageGrade,

        @Doc(
                value = "Whether every course of the path is graded and passed; null when no course has a graded item",
                optional = true)
        Boolean allPassed) {

    public Learning {
        grades = grades == null ? List.of() : grades;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CourseResult(
            @Doc("LMS course id") String courseId,

            @Doc(value = "Course grade in percent 0..100; null when not graded yet", optional = true)
            Double grade,

            @Doc(
                    value =
                            "Whether the grade reaches the course's pass grade; null when the course has no graded item",
                    optional = true)
            Boolean passed,

            @Doc("passed, failed, or \"no graded items\" (a course completed without a grade is neither)")
            String result) {

        public CourseResult(String courseId, Double grade, Boolean passed) {
            this(courseId, grade, passed, passed == null ? NO_GRADED_ITEMS : passed ? "passed" : "failed");
        }
    }

    public static final String NO_GRADED_ITEMS = "no graded items";
}

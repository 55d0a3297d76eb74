package io.trainflow.connectors.lms;

/**
 * The course-total grade of one learner.
 *
 * @param grade     raw grade, between 0 and {@code gradeMax}
 * @param gradePass grade needed to pass, null when the course sets none
 */
public record CourseGrade(String username, String courseId, double grade, double gradeMax, Double gradePass) {

    /** Grade as a percentage of the maximum, 0..100. */
    public double percent() {
        return gradeMax <= 0 ? 0 : grade * 100.0 / gradeMax;
    }

    /** Passed when the grade reaches the pass grade, or half the maximum when the course sets none. */
    public boolean passed() {
        return gradePass != null ? grade >= gradePass : grade * 2 >= gradeMax;
    }
}

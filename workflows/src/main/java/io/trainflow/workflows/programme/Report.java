package io.trainflow.workflows.programme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;
import java.util.List;

/** A programme's results over all its requests. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Report(
        @Doc("Requests recorded: the sum of the seven status counts")
        int cohortSize,

        @Doc("Requests completed") int completed,
        @Doc("Requests closed without completing") int notCompleted,
        @Doc("Requests rejected") int rejected,
        @Doc("Employees without a training need") int noNeed,

        @Doc("Requests the requester withdrew after being sent back for changes")
        int withdrawn,

        @Doc("Requests for an employee the HCM no longer knows")
        int employeeUnknown,

        @Doc(value = "Mean recommendation score 0..10 over all feedback", optional = true)
        Double averageReaction,

        @Doc(value = "Net promoter score over all feedback, -100..100", optional = true)
        Double nps,

        @Doc(value = "Mean of the learners' average grades, percent", optional = true)
        Double averageGrade,

        @Doc(value = "Mean of (review after - review before) where both exist", optional = true)
        Double averageReviewDelta,

        @Doc("Every feedback comment, as written") List<String> comments,

        @Doc("Employees whose every course another open request already held: their request ended at once")
        int alreadyRequested,

        @Doc("Employees skipped (everything already requested) or linked (some courses left out), with the request"
                + " holding the courses")
        List<Linked> linked) {

    public Report {
        comments = comments == null ? List.of() : comments;
        linked = linked == null ? List.of() : linked;
    }

    /** A report without skipped or linked employees. */
    public Report(
            int cohortSize,
            int completed,
            int notCompleted,
            int rejected,
            int noNeed,
            int withdrawn,
            int employeeUnknown,
            Double averageReaction,
            Double nps,
            Double averageGrade,
            Double averageReviewDelta,
            List<String> comments) {
        this(
                cohortSize,
                completed,
                notCompleted,
                rejected,
                noNeed,
                withdrawn,
                employeeUnknown,
                averageReaction,
                nps,
                averageGrade,
                averageReviewDelta,
                comments,
                0,
                List.of());
    }

    /**
     * An employee of the programme another open request already covered, in part or wholly.
     *
     * @param skipped true when nothing was left to request (the request ended as already requested)
     * @param reason  which courses, held by which request
     */
    public record Linked(
            @Doc("HCM id of the employee") String employeeId,
            @Doc("The programme's request for them") String requestId,

            @Doc("Nothing left to request: the request ended at once")
            boolean skipped,

            @Doc("Which courses another open request holds, naming it")
            String reason) {}
}

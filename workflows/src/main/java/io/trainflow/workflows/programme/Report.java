package io.trainflow.workflows.programme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;
import java.util.List;

/** A programme's results over all its requests. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Report(
        @Doc("Requests recorded: the sum of the six status counts") int cohortSize,
        @Doc("Requests completed") int completed,
        @Doc("Requests closed without completing") int notCompleted,
        @Doc("Requests rejected") int rejected,
        @Doc("Employees without a training need") int noNeed,
        @Doc("Requests the requester withdrew after being sent back for changes") int withdrawn,
        @Doc("Requests for an employee the HCM no longer knows") int employeeUnknown,
        @Doc(value = "Mean recommendation score 0..10 over all feedback", optional = true) Double averageReaction,
        @Doc(value = "Net promoter score over all feedback, -100..100", optional = true) Double nps,
        @Doc(value = "Mean of the learners' average grades, percent", optional = true) Double averageGrade,
        @Doc(value = "Mean of (review after - review before) where both exist", optional = true) Double averageReviewDelta,
        @Doc("Every feedback comment, as written") List<String> comments) {

    public Report {
        comments = comments == null ? List.of() : comments;
    }
}

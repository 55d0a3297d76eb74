package io.trainflow.plugin.quizzes;

import io.trainflow.connectors.sample.SampleOrganisation;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who can review a quiz draft: the members of the group {@code quiz-review.bpmn} offers the task to, except
 * the person who started the review (the inbox never offers a requester a task of their own request).
 */
@Component
public class QuizReviewers {

    /** The candidate group of the review-quiz task in quiz-review.bpmn. */
    public static final String GROUP = "sme";

    private final SampleOrganisation org;

    public QuizReviewers(SampleOrganisation org) {
        this.org = org;
    }

    public List<String> of(String startedBy) {
        return org.groups().getOrDefault(GROUP, List.of()).stream()
                .filter(member -> !member.equals(startedBy))
                .sorted()
                .toList();
    }
}

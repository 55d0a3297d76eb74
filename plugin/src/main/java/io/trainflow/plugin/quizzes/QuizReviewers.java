package io.trainflow.plugin.quizzes;

import io.trainflow.workflows.engine.Directory;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who can review a quiz draft: the members of the group {@code quiz-review.bpmn} offers the task to, except
 * the person who started the review (the inbox never offers a requester a task of their own request). The group's
 * members are Trainflow's groups (the database), as the inbox sees them, not the sample organisation's.
 */
@Component
public class QuizReviewers {

    /** The candidate group of the review-quiz task in quiz-review.bpmn. */
    public static final String GROUP = "sme";

    private final Directory directory;

    public QuizReviewers(Directory directory) {
        this.directory = directory;
    }

    public List<String> of(String startedBy) {
        return directory.membersOf(GROUP).orElse(Set.of()).stream()
                .filter(member -> !member.equals(startedBy))
                .sorted()
                .toList();
    }
}

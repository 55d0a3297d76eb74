package io.trainflow.workflows.duties;

import java.util.Set;

/**
 * A user task as separation of duties sees it: whether it decides on the request (an approval, task
 * header {@code approval = true}) and at which level, and to whom it is assigned or offered.
 */
public record Step(
        String elementId,
        String name,
        boolean decision,
        String level,
        String assignee,
        Set<String> candidateUsers,
        Set<String> candidateGroups) {

    public Step {
        candidateUsers = candidateUsers == null ? Set.of() : Set.copyOf(candidateUsers);
        candidateGroups = candidateGroups == null ? Set.of() : Set.copyOf(candidateGroups);
    }
}

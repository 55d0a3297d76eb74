package io.trainflow.workflows.duties;

import java.util.Set;

/** Who a task goes to after separation of duties, and why when that changed ({@code note}, else null). */
public record Routing(String assignee, Set<String> candidateUsers, Set<String> candidateGroups, String note) {

    public boolean changed() {
        return note != null;
    }
}

package io.trainflow.workflows.api;

import java.util.List;

/**
 * What a user task listener's handler returns (Camunda 8's job result for a user task listener): whether it denies
 * the lifecycle transition it listens to, why, and corrections to the task. A listener handler is a
 * {@code StepHandler<I, TaskListenerResult>}; its input is read from the task's variables and headers (the task's
 * data under Camunda's header names, e.g. {@code io.camunda.zeebe:assignee}). Only assigning, updating and
 * completing may be denied; a denial discards the corrections of every listener of that transition.
 */
public record TaskListenerResult(boolean denied, String deniedReason, Corrections corrections) {

    /** Accepts the transition as it is. */
    public static TaskListenerResult accept() {
        return new TaskListenerResult(false, null, null);
    }

    /** Accepts the transition with these corrections. */
    public static TaskListenerResult correct(Corrections corrections) {
        return new TaskListenerResult(false, null, corrections);
    }

    /** Denies the transition: the task stays as it was, and the person is told the reason. */
    public static TaskListenerResult deny(String reason) {
        return new TaskListenerResult(true, reason, null);
    }

    /**
     * Corrected task attributes, as in Camunda 8: {@code null} keeps the attribute, an empty string (dates,
     * assignee) or list clears it. Dates are ISO-8601 date-times with an offset; priority is 0 to 100.
     */
    public record Corrections(
            String assignee,
            String dueDate,
            String followUpDate,
            List<String> candidateUsers,
            List<String> candidateGroups,
            Integer priority) {

        public static final Corrections NONE = new Corrections(null, null, null, null, null, null);

        public Corrections withAssignee(String value) {
            return new Corrections(value, dueDate, followUpDate, candidateUsers, candidateGroups, priority);
        }

        public Corrections withDueDate(String value) {
            return new Corrections(assignee, value, followUpDate, candidateUsers, candidateGroups, priority);
        }

        public Corrections withFollowUpDate(String value) {
            return new Corrections(assignee, dueDate, value, candidateUsers, candidateGroups, priority);
        }

        public Corrections withCandidateUsers(List<String> value) {
            return new Corrections(assignee, dueDate, followUpDate, value, candidateGroups, priority);
        }

        public Corrections withCandidateGroups(List<String> value) {
            return new Corrections(assignee, dueDate, followUpDate, candidateUsers, value, priority);
        }

        public Corrections withPriority(Integer value) {
            return new Corrections(assignee, dueDate, followUpDate, candidateUsers, candidateGroups, value);
        }

        /** These corrections, then {@code later}'s on top (a later listener sees and may override earlier ones). */
        public Corrections then(Corrections later) {
            if (later == null) {
                return this;
            }
            return new Corrections(
                    later.assignee != null ? later.assignee : assignee,
                    later.dueDate != null ? later.dueDate : dueDate,
                    later.followUpDate != null ? later.followUpDate : followUpDate,
                    later.candidateUsers != null ? later.candidateUsers : candidateUsers,
                    later.candidateGroups != null ? later.candidateGroups : candidateGroups,
                    later.priority != null ? later.priority : priority);
        }
    }
}

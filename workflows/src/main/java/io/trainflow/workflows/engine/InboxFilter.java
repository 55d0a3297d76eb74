package io.trainflow.workflows.engine;

import io.trainflow.workflows.problems.TrainflowProblem;

/**
 * What an inbox is narrowed to, each part optional: the task type (BPMN element id), how soon it falls due
 * ({@code overdue}, {@code week}), the learner's department, the campaign, and a piece of the learner's name or id.
 * Every part is a condition of the engine adapter's database query (the adapter writes the values as a task is created).
 */
public record InboxFilter(String taskType, String due, String department, String campaign, String employee) {

    public static final InboxFilter NONE = new InboxFilter(null, null, null, null, null);

    public InboxFilter {
        if (due != null && !due.isBlank() && !due.equals("overdue") && !due.equals("week")) {
            throw new TrainflowProblem.InvalidInput("due", "must be 'overdue' or 'week', was '" + due + "'");
        }
        if (employee != null && employee.length() > 200) {
            throw new TrainflowProblem.InvalidInput("employee", "at most 200 characters");
        }
    }

    /** Whether a part is set (blank counts as absent). */
    public static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

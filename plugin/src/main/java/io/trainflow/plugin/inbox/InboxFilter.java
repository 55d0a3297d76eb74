package io.trainflow.plugin.inbox;

import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Duration;
import java.time.Instant;
import org.flowable.task.api.TaskQuery;

/**
 * What an inbox is narrowed to, each part optional: the task type (BPMN element id), how soon it falls due
 * ({@code overdue}, {@code week}), the learner's department, the campaign, and a piece of the learner's name or id.
 * Every part is a condition of the database query ({@link InboxFacts} wrote the values on the task).
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

    TaskQuery narrow(TaskQuery query, Instant now) {
        if (present(taskType)) {
            query.taskDefinitionKey(taskType.strip());
        }
        if ("overdue".equals(due)) {
            query.taskDueBefore(java.util.Date.from(now));
        } else if ("week".equals(due)) {
            query.taskDueBefore(java.util.Date.from(now.plus(Duration.ofDays(7))));
        }
        if (present(department)) {
            query.taskVariableValueEquals(InboxFacts.DEPARTMENT, department.strip());
        }
        if (present(campaign)) {
            query.taskVariableValueEquals(InboxFacts.CAMPAIGN, campaign.strip());
        }
        if (present(employee)) {
            String escaped = employee.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            query.taskVariableValueLikeIgnoreCase(InboxFacts.EMPLOYEE, "%" + escaped + "%");
        }
        return query;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

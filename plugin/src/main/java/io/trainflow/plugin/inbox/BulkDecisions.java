package io.trainflow.plugin.inbox;

import io.trainflow.plugin.api.model.BulkDecisionResult;
import io.trainflow.plugin.api.model.DecisionOutcome;
import io.trainflow.workflows.forms.TaskInputException;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * One decision on many tasks (a campaign's approvals): each task goes through the same completion as a single one
 * ({@link TaskInbox#complete}: who may, the form's check, the audit comment), in its own transaction, so a refusal
 * stops only its own task. The outcome of each is answered with the status a single completion would have had.
 */
@Service
public class BulkDecisions {

    /** As many as one inbox page: every task is a transaction of its own. */
    static final int MAX = TaskInbox.MAX_PAGE;

    private final TaskInbox inbox;

    public BulkDecisions(TaskInbox inbox) {
        this.inbox = inbox;
    }

    public BulkDecisionResult decide(String user, List<String> taskIds, Map<String, Object> variables) {
        if (taskIds == null || taskIds.isEmpty()) {
            throw new TrainflowProblem.InvalidInput("taskIds", "name at least one task");
        }
        if (taskIds.size() > MAX) {
            throw new TrainflowProblem.InvalidInput(
                    "taskIds", "at most " + MAX + " tasks at once, were " + taskIds.size());
        }
        BulkDecisionResult result = new BulkDecisionResult(0, 0, new java.util.ArrayList<>());
        for (String taskId : new LinkedHashSet<>(taskIds)) {
            DecisionOutcome outcome = decideOne(user, taskId, variables);
            result.addResultsItem(outcome);
            if (outcome.getStatus() == 204) {
                result.decided(result.getDecided() + 1);
            } else {
                result.refused(result.getRefused() + 1);
            }
        }
        return result;
    }

    private DecisionOutcome decideOne(String user, String taskId, Map<String, Object> variables) {
        try {
            inbox.complete(user, taskId, variables);
            return new DecisionOutcome(taskId, 204);
        } catch (TaskInputException e) {
            return new DecisionOutcome(taskId, 400).message(e.getMessage()).fields(e.problems());
        } catch (TrainflowProblem e) {
            // the same answer the task's own completion would give: 404 for a task the user may not see
            int status = e instanceof TrainflowProblem.NotFound
                    ? 404
                    : e instanceof TrainflowProblem.Forbidden
                            ? 403
                            : e instanceof TrainflowProblem.Conflict
                                    ? 409
                                    : e instanceof TrainflowProblem.Unavailable ? 503 : 400;
            DecisionOutcome outcome = new DecisionOutcome(taskId, status).message(e.getMessage());
            return e.fields().isEmpty() ? outcome : outcome.fields(e.fields());
        } catch (IllegalArgumentException e) {
            return new DecisionOutcome(taskId, 400).message(e.getMessage());
        }
    }
}

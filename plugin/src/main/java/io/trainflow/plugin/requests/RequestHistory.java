package io.trainflow.plugin.requests;

import io.trainflow.workflows.engine.flowable.TaskCompletionGuard;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.task.Comment;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

/**
 * The audit trail of a request: who decided what, when, the rule outcomes, and where every AI output came
 * from (the {@code …Provenance} variables: engine, model, template version, input hash, time, fallback).
 */
@Service
public class RequestHistory {

    private static final List<String> SHOWN = List.of("origin", "requestedBy", "employeeId", "pathCost", "overBudget",
            "routing", "learningPath", "trainingStatus", "decision", "trainingDeadline", "outcome", "endReason",
            "enrolmentRefusal", "decidedBy");

    /** Suffix of the variables in which step handlers store the provenance of their AI outputs. */
    static final String PROVENANCE = "Provenance";

    private static final String REQUEST_PROCESS = "training-request";

    private final ProcessEngine engine;

    public RequestHistory(TrainflowEngine engine) {
        this.engine = engine.flowable();
    }

    public Status of(String requestId) {
        HistoricProcessInstance root = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(requestId).singleResult();
        if (root == null) {
            // a campaign's requests are call-activity children: no business key, their requestId variable says which
            root = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(REQUEST_PROCESS)
                    .variableValueEquals("requestId", requestId).singleResult();
        }
        if (root == null) {
            throw notFound(requestId);
        }
        List<Entry> decisions = new ArrayList<>();
        for (HistoricTaskInstance task : engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processVariableValueEquals("requestId", requestId).list()) {
            for (Comment comment : engine.getTaskService().getTaskComments(task.getId(), "decision")) {
                decisions.add(new Entry(comment.getTime().toInstant(), comment.getUserId(), "completed " + task.getName(),
                        task.getTaskDefinitionKey(), comment.getFullMessage()));
            }
            for (Comment comment : engine.getTaskService().getTaskComments(task.getId(), TaskCompletionGuard.ROUTING_NOTE)) {
                decisions.add(new Entry(comment.getTime().toInstant(), "separation of duties", "routed " + task.getName(),
                        task.getTaskDefinitionKey(), comment.getFullMessage()));
            }
            if (task.getEndTime() != null && task.getDeleteReason() != null) {
                decisions.add(new Entry(task.getEndTime().toInstant(), "engine", "closed " + task.getName(),
                        task.getTaskDefinitionKey(), task.getDeleteReason()));
            }
        }
        decisions.sort(Comparator.comparing(Entry::time));
        Map<String, Object> variables = new LinkedHashMap<>();
        engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(root.getId()).list().stream()
                .filter(v -> SHOWN.contains(v.getVariableName()) || v.getVariableName().endsWith(PROVENANCE))
                .forEach(v -> variables.put(v.getVariableName(), v.getValue()));
        return new Status(requestId, root.getId(), root.getEndTime() == null, decisions, variables);
    }

    /** The answer for an unknown request, and for one the caller may not see. */
    public static TrainflowProblem.NotFound notFound(String requestId) {
        return new TrainflowProblem.NotFound("No request " + requestId);
    }

    /** One line of the audit trail. */
    public record Entry(java.time.Instant time, String actor, String action, String elementId, String details) {
    }

    /** Where a request stands. */
    public record Status(String requestId, String processInstanceId, boolean active, List<Entry> decisions,
                         Map<String, Object> variables) {
    }
}

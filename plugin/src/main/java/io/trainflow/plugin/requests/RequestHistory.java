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
            "enrolmentRefusal", "decidedBy", "justification", "gaps", "needsExplanation", "sessions", "budget", "comment");

    /** Suffix of the variables in which step handlers store the provenance of their AI outputs. */
    static final String PROVENANCE = "Provenance";

    private static final String REQUEST_PROCESS = "training-request";

    private final ProcessEngine engine;

    public RequestHistory(TrainflowEngine engine) {
        this.engine = engine.flowable();
    }

    /** The process instance of a request (or quiz review), running or ended. */
    public HistoricProcessInstance instanceOf(String requestId) {
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
        return root;
    }

    /** The request's process, where it stands and the elements and flows it has passed, to draw. */
    public Diagram diagramOf(String requestId) {
        HistoricProcessInstance root = instanceOf(requestId);
        String xml;
        try (var in = engine.getRepositoryService().getProcessModel(root.getProcessDefinitionId())) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> active = root.getEndTime() == null ? engine.getRuntimeService().getActiveActivityIds(root.getId()) : List.of();
        List<String> completed = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(root.getId())
                .finished().list().stream().map(a -> a.getActivityId()).distinct().toList();
        return new Diagram(root.getProcessDefinitionKey(), xml, active, completed);
    }

    /** The requests a person made or that are about them (their employee id), newest first. */
    public List<Summary> mine(String user, String employeeId, int max) {
        Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
        engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(REQUEST_PROCESS)
                .variableValueEquals("requestedBy", user).orderByProcessInstanceStartTime().desc().listPage(0, max)
                .forEach(p -> found.put(p.getId(), p));
        if (employeeId != null) {
            engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(REQUEST_PROCESS)
                    .variableValueEquals("employeeId", employeeId).orderByProcessInstanceStartTime().desc().listPage(0, max)
                    .forEach(p -> found.put(p.getId(), p));
        }
        return found.values().stream().sorted(Comparator.comparing(HistoricProcessInstance::getStartTime).reversed()).limit(max)
                .map(this::summary).toList();
    }

    private Summary summary(HistoricProcessInstance p) {
        Map<String, Object> vars = new LinkedHashMap<>();
        engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(p.getId()).list().stream()
                .filter(v -> SUMMARY.contains(v.getVariableName())).forEach(v -> vars.put(v.getVariableName(), v.getValue()));
        List<String> waiting = p.getEndTime() != null ? List.of() : engine.getTaskService().createTaskQuery()
                .processVariableValueEquals("requestId", vars.get("requestId")).list().stream().map(t -> t.getName()).toList();
        String outcome = null;
        if (p.getEndTime() != null) {
            outcome = p.getDeleteReason() != null ? p.getDeleteReason() : p.getEndActivityId();
        }
        return new Summary((String) vars.get("requestId"), p.getEndTime() == null, p.getStartTime().toInstant(),
                p.getEndTime() == null ? null : p.getEndTime().toInstant(), outcome, (String) vars.get("employeeId"),
                (String) vars.get("requestedBy"), (String) vars.get("justification"), waiting);
    }

    public Status of(String requestId) {
        HistoricProcessInstance root = instanceOf(requestId);
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

    private static final List<String> SUMMARY = List.of("requestId", "employeeId", "requestedBy", "justification");

    /** The process to draw: its XML, the elements where it stands, those (and the flows) it passed. */
    public record Diagram(String processKey, String xml, List<String> active, List<String> completed) {
    }

    /** A request in a person's list; {@code outcome} is the end event reached (or why it was closed). */
    public record Summary(String requestId, boolean active, java.time.Instant started, java.time.Instant ended, String outcome,
                          String employeeId, String requestedBy, String justification, List<String> waitingFor) {
    }

    /** One line of the audit trail. */
    public record Entry(java.time.Instant time, String actor, String action, String elementId, String details) {
    }

    /** Where a request stands. */
    public record Status(String requestId, String processInstanceId, boolean active, List<Entry> decisions,
                         Map<String, Object> variables) {
    }
}

package io.trainflow.plugin.requests;

import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.engine.ProcessHistoryPort.ProcessRecord;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The audit trail of a request: who decided what, when, the rule outcomes, and where every AI output came
 * from (the {@code …Provenance} variables: engine, model, template version, input hash, time, fallback).
 */
@Service
public class RequestHistory {

    private static final List<String> SHOWN = List.of(
            "origin",
            "requestedBy",
            "employeeId",
            "pathCost",
            "overBudget",
            "routing",
            "learningPath",
            "trainingStatus",
            "decision",
            "trainingDeadline",
            "outcome",
            "endReason",
            "enrolmentRefusal",
            "decidedBy",
            "justification",
            "gaps",
            "needsExplanation",
            "sessions",
            "budget",
            "comment",
            "linkNote"); // courses left out because another open request of the learner holds them

    /** Suffix of the variables in which step handlers store the provenance of their AI outputs. */
    static final String PROVENANCE = "Provenance";

    private static final String REQUEST_PROCESS = "training-request";

    /** Comment types of the audit trail: a completion, and separation of duties re-routing a task. */
    private static final String DECISION = "decision";

    private final ProcessHistoryPort processes;

    public RequestHistory(ProcessHistoryPort processes) {
        this.processes = processes;
    }

    /** The process instance of a request (or quiz review), running or ended. */
    public ProcessRecord instanceOf(String requestId) {
        // a campaign's requests are call-activity children: no business key, their requestId variable says which
        return processes
                .byBusinessKey(null, requestId)
                .or(() -> processes.byVariable(REQUEST_PROCESS, "requestId", requestId, 2).stream()
                        .reduce((a, b) -> {
                            throw new IllegalStateException("two requests " + requestId);
                        }))
                .orElseThrow(() -> notFound(requestId));
    }

    /** The request's process, where it stands and the elements and flows it has passed, to draw. */
    public Diagram diagramOf(String requestId) {
        ProcessRecord root = instanceOf(requestId);
        String xml = processes.modelXml(root.processDefinitionId());
        List<String> active = root.ended() == null ? processes.activeElements(root.id()) : List.of();
        return new Diagram(root.processKey(), xml, active, processes.passedElements(root.id()));
    }

    /** The requests a person made or that are about them (their employee id), newest first. */
    public List<Summary> mine(String user, String employeeId, int max) {
        Map<String, ProcessRecord> found = new LinkedHashMap<>();
        processes.byVariable(REQUEST_PROCESS, "requestedBy", user, max).forEach(p -> found.put(p.id(), p));
        if (employeeId != null) {
            processes.byVariable(REQUEST_PROCESS, "employeeId", employeeId, max).forEach(p -> found.put(p.id(), p));
        }
        return found.values().stream()
                .sorted(Comparator.comparing(ProcessRecord::started).reversed())
                .limit(max)
                .map(this::summary)
                .toList();
    }

    private Summary summary(ProcessRecord p) {
        Map<String, Object> vars = new LinkedHashMap<>();
        processes.variables(p.id()).forEach((name, value) -> {
            if (SUMMARY.contains(name)) {
                vars.put(name, value);
            }
        });
        List<String> waiting = p.ended() != null ? List.of() : processes.openTaskNames((String) vars.get("requestId"));
        String outcome = null;
        if (p.ended() != null) {
            outcome = p.deleteReason() != null ? p.deleteReason() : p.endElementId();
        }
        return new Summary(
                (String) vars.get("requestId"),
                p.ended() == null,
                p.started(),
                p.ended(),
                outcome,
                (String) vars.get("employeeId"),
                (String) vars.get("requestedBy"),
                (String) vars.get("justification"),
                waiting);
    }

    public Status of(String requestId) {
        ProcessRecord root = instanceOf(requestId);
        List<Entry> decisions = new ArrayList<>();
        for (ProcessHistoryPort.TaskRecord task : processes.tasksOfRequest(requestId)) {
            for (ProcessHistoryPort.Comment comment : task.comments()) {
                decisions.add(
                        DECISION.equals(comment.type())
                                ? new Entry(
                                        comment.time(),
                                        comment.userId(),
                                        "completed " + task.name(),
                                        task.elementId(),
                                        comment.text())
                                : new Entry(
                                        comment.time(),
                                        "separation of duties",
                                        "routed " + task.name(),
                                        task.elementId(),
                                        comment.text()));
            }
            if (task.ended() != null && task.deleteReason() != null) {
                decisions.add(new Entry(
                        task.ended(), "engine", "closed " + task.name(), task.elementId(), task.deleteReason()));
            }
        }
        decisions.sort(Comparator.comparing(Entry::time));
        Map<String, Object> variables = new LinkedHashMap<>();
        processes.variables(root.id()).forEach((name, value) -> {
            if (SHOWN.contains(name) || name.endsWith(PROVENANCE)) {
                variables.put(name, value);
            }
        });
        return new Status(requestId, root.id(), root.ended() == null, decisions, variables);
    }

    /** The answer for an unknown request, and for one the caller may not see. */
    public static TrainflowProblem.NotFound notFound(String requestId) {
        return new TrainflowProblem.NotFound("No request " + requestId);
    }

    private static final List<String> SUMMARY = List.of("requestId", "employeeId", "requestedBy", "justification");

    /** The process to draw: its XML, the elements where it stands, those (and the flows) it passed. */
    public record Diagram(String processKey, String xml, List<String> active, List<String> completed) {}

    /** A request in a person's list; {@code outcome} is the end event reached (or why it was closed). */
    public record Summary(
            String requestId,
            boolean active,
            java.time.Instant started,
            java.time.Instant ended,
            String outcome,
            String employeeId,
            String requestedBy,
            String justification,
            List<String> waitingFor) {}

    /** One line of the audit trail. */
    public record Entry(java.time.Instant time, String actor, String action, String elementId, String details) {}

    /** Where a request stands. */
    public record Status(
            String requestId,
            String processInstanceId,
            boolean active,
            List<Entry> decisions,
            Map<String, Object> variables) {}
}

package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.ProcessInstanceFilter;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import io.trainflow.workflows.duties.Parties;
import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The history port on the cluster's REST API, so a request's audit trail, its diagram and a person's list of
 * requests read the cluster in {@code camunda8} mode: process-instance search (by the variable that carries the key:
 * Zeebe has no business key), variables, the definition's XML, element-instance search (where it stands, what it
 * passed) and the sequence flows it took, user-task search.
 *
 * <p>What Camunda 8 does not keep, and how it shows: a cancelled instance has no reason (its outcome reads
 * {@value #CANCELLED}); a task has no comments, so a completed task is one "decision" line by its assignee (or the
 * person {@code decidedBy} names for its approval level), with no decision text; a cancelled one a "closed" line.
 */
public final class CamundaHistory implements ProcessHistoryPort {

    /** The outcome of an instance ended by cancellation (a withdrawal, an admin), which the cluster keeps no reason for. */
    static final String CANCELLED = "cancelled";

    /** The comment type the audit trail reads as a decision (as the embedded engine's). */
    static final String DECISION = "decision";

    /** Who completed a task when the cluster's records do not say. */
    static final String UNRECORDED = "unrecorded";

    /** Rows one search reads; a request has a few dozen elements and tasks. */
    private static final int MAX = 1000;

    private final CamundaClient client;
    private final CamundaVariables variables;

    public CamundaHistory(CamundaClient client) {
        this.client = client;
        this.variables = new CamundaVariables(client);
    }

    /**
     * The instance whose {@code requestId} is the key: a request, a quiz review (a campaign's requests too, as called
     * children). Its called processes inherit the variable; the one whose parent is not among them is the request.
     */
    @Override
    public Optional<ProcessRecord> byBusinessKey(String processKey, String businessKey) {
        List<ProcessInstance> found = search(
                f -> {
                    if (processKey != null) {
                        f.processDefinitionId(processKey);
                    }
                    f.variables(Map.of(CamundaProcesses.KEY_VARIABLE, json(businessKey)));
                },
                true,
                MAX);
        Set<Long> keys = new LinkedHashSet<>();
        found.forEach(p -> keys.add(p.getProcessInstanceKey()));
        return found.stream()
                .filter(p -> !keys.contains(p.getParentProcessInstanceKey()))
                .findFirst()
                .map(p -> record(p, businessKey));
    }

    @Override
    public List<ProcessRecord> byVariable(String processKey, String variable, Object value, int max) {
        return search(f -> f.processDefinitionId(processKey).variables(Map.of(variable, json(value))), false, max)
                .stream()
                .map(p -> record(p, null))
                .toList();
    }

    @Override
    public Map<String, Object> variables(String processInstanceId) {
        return variables.of(key(processInstanceId), null);
    }

    /** {@code processDefinitionId}: the definition's key on the cluster, as {@link ProcessRecord} carries it. */
    @Override
    public String modelXml(String processDefinitionId) {
        long key = key(processDefinitionId);
        return CamundaErrors.translated(
                () -> client.newProcessDefinitionGetXmlRequest(key).send().join());
    }

    @Override
    public List<String> activeElements(String processInstanceId) {
        return elements(processInstanceId, ElementInstanceState.ACTIVE);
    }

    /** The elements it completed and the sequence flows it took. */
    @Override
    public List<String> passedElements(String processInstanceId) {
        long key = key(processInstanceId);
        Set<String> passed = new LinkedHashSet<>(elements(processInstanceId, ElementInstanceState.COMPLETED));
        CamundaErrors.translated(() -> client.newProcessInstanceSequenceFlowsRequest(key)
                        .send()
                        .join())
                .forEach(flow -> passed.add(flow.getElementId()));
        return List.copyOf(passed);
    }

    @Override
    public List<TaskRecord> tasksOfRequest(String requestId) {
        List<TaskRecord> tasks = new ArrayList<>();
        for (UserTask task : tasksOf(requestId, null)) {
            List<Comment> comments = new ArrayList<>();
            Instant ended = instant(task.getCompletionDate());
            String closed = null;
            if (task.getState() == UserTaskState.COMPLETED) {
                comments.add(new Comment(
                        ended,
                        decidedBy(task),
                        DECISION,
                        task.getElementId() + ": completed on the Camunda 8 cluster"));
            } else if (task.getState() == UserTaskState.CANCELED) {
                closed = CANCELLED;
            }
            tasks.add(new TaskRecord(
                    String.valueOf(task.getUserTaskKey()),
                    task.getName(),
                    task.getElementId(),
                    ended,
                    closed,
                    comments));
        }
        return tasks;
    }

    /**
     * Who completed a task: its assignee, else (a task completed without being taken) the person the completion
     * recorded for the task's approval level in {@value Parties#DECIDED}; {@value #UNRECORDED} when neither says.
     */
    private String decidedBy(UserTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Map<String, Object> vars = variables.of(task.getProcessInstanceKey(), task.getElementInstanceKey());
        Object level = vars.get(Parties.LEVEL);
        if (level != null && vars.get(Parties.DECIDED) instanceof List<?> decided) {
            for (Object entry : decided) {
                if (entry instanceof Map<?, ?> d && level.equals(d.get("level")) && d.get("by") != null) {
                    return String.valueOf(d.get("by"));
                }
            }
        }
        return UNRECORDED;
    }

    @Override
    public List<String> openTaskNames(String requestId) {
        return tasksOf(requestId, UserTaskState.CREATED).stream()
                .map(UserTask::getName)
                .toList();
    }

    /** One of the request's completed tasks was decided by them (its assignee, or its level in decidedBy). */
    @Override
    public boolean decidedTaskOf(String user, String requestId) {
        return tasksOf(requestId, UserTaskState.COMPLETED).stream().anyMatch(t -> user.equals(decidedBy(t)));
    }

    /** The cluster keeps no reason for a cancellation: the caller's reason is not stored. */
    @Override
    public void cancel(String processInstanceId, String reason) {
        long key = key(processInstanceId);
        try {
            CamundaErrors.translated(
                    () -> client.newCancelInstanceCommand(key).send().join());
        } catch (TrainflowProblem.NotFound endedMeanwhile) {
            throw new TrainflowProblem.Conflict("Process instance " + processInstanceId + " has already ended");
        }
    }

    private List<ProcessInstance> search(Consumer<ProcessInstanceFilter> filter, boolean oldestFirst, int max) {
        return CamundaErrors.translated(() -> client.newProcessInstanceSearchRequest()
                .filter(filter)
                .sort(s -> {
                    if (oldestFirst) {
                        s.startDate().asc();
                    } else {
                        s.startDate().desc();
                    }
                })
                .page(p -> p.limit(max))
                .send()
                .join()
                .items());
    }

    private List<String> elements(String processInstanceId, ElementInstanceState state) {
        long key = key(processInstanceId);
        return CamundaErrors.translated(() -> client.newElementInstanceSearchRequest()
                        .filter(f -> f.processInstanceKey(key).state(state))
                        .sort(s -> s.startDate().asc())
                        .page(p -> p.limit(MAX))
                        .send()
                        .join()
                        .items())
                .stream()
                .filter(e -> e.getType() != ElementInstanceType.PROCESS)
                .map(ElementInstance::getElementId)
                .distinct()
                .toList();
    }

    /** The user tasks of a request (its called processes' too: they inherit its {@code requestId}). */
    private List<UserTask> tasksOf(String requestId, UserTaskState state) {
        String json = json(requestId);
        return CamundaErrors.translated(() -> client.newUserTaskSearchRequest()
                .filter(f -> {
                    f.processInstanceVariables(Map.of(CamundaProcesses.KEY_VARIABLE, json));
                    if (state != null) {
                        f.state(state);
                    }
                })
                .sort(s -> s.creationDate().asc())
                .page(p -> p.limit(MAX))
                .send()
                .join()
                .items());
    }

    /** An instance as the port shows it; an ended one's outcome is its end event (or {@value #CANCELLED}). */
    private ProcessRecord record(ProcessInstance p, String businessKey) {
        Instant ended = instant(p.getEndDate());
        String endElement = null;
        String reason = null;
        if (p.getState() == ProcessInstanceState.TERMINATED) {
            reason = CANCELLED;
        } else if (ended != null) {
            long key = p.getProcessInstanceKey();
            endElement = CamundaErrors.translated(() -> client.newElementInstanceSearchRequest()
                            .filter(f -> f.processInstanceKey(key).type(ElementInstanceType.END_EVENT))
                            .page(pg -> pg.limit(10))
                            .send()
                            .join()
                            .items())
                    .stream()
                    .map(ElementInstance::getElementId)
                    .reduce((first, last) -> last)
                    .orElse(null);
        }
        return new ProcessRecord(
                String.valueOf(p.getProcessInstanceKey()),
                p.getProcessDefinitionId(),
                String.valueOf(p.getProcessDefinitionKey()),
                businessKey,
                instant(p.getStartDate()),
                ended,
                endElement,
                reason,
                p.getParentProcessInstanceKey() == null ? null : String.valueOf(p.getParentProcessInstanceKey()));
    }

    /** The cluster compares a variable's stored JSON: a string is matched with its quotes. */
    private static String json(Object value) {
        return CamundaVariables.JSON.writeValueAsString(value);
    }

    private static long key(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new TrainflowProblem.NotFound("No process instance or definition " + id + " on the cluster");
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

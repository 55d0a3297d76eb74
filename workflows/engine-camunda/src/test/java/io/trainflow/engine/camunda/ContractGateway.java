package io.trainflow.engine.camunda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import io.camunda.client.protocol.rest.FormResult;
import io.camunda.client.protocol.rest.IncidentResolutionRequest;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.IncidentSearchQuery;
import io.camunda.client.protocol.rest.IncidentSearchQueryResult;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.UserTaskSearchQuery;
import io.camunda.client.protocol.rest.UserTaskSearchQueryResult;
import io.camunda.client.protocol.rest.VariableSearchQuery;
import io.camunda.client.protocol.rest.VariableSearchQueryResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Camunda 8 gateway's REST face on loopback, for tests: every request the client sends is read strictly into the
 * client's own protocol class for its path ({@link ProtocolContract}), every answer is built from those classes.
 * A request outside the contract is answered 400 and kept in {@link #violations()}; the test asserts there are
 * none. It holds just the state the adapter's commands need: jobs to hand out, user tasks and their variables,
 * incidents. No broker runs (its licence is not open source); this checks the commands and their shapes.
 */
public final class ContractGateway implements AutoCloseable {

    /** One command the client sent, as its protocol object. */
    public record Received(String method, String path, Object body) {}

    private final WireMockServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> deployedResources = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<ActivatedJobResult>> jobs = new ConcurrentHashMap<>();
    private final List<io.camunda.client.protocol.rest.JobSearchResult> activatedJobs = new CopyOnWriteArrayList<>();
    private final Map<String, UserTaskResult> userTasks = new ConcurrentHashMap<>();
    private final Map<String, List<VariableSearchResult>> variables = new ConcurrentHashMap<>();
    private final Map<String, IncidentResult> incidents = new ConcurrentHashMap<>();
    private final Map<String, io.camunda.client.protocol.rest.ElementInstanceResult> elements =
            new ConcurrentHashMap<>();
    private final java.util.Set<String> messageIds = ConcurrentHashMap.newKeySet();
    /** What the worker answered for each job: its completion, failure or error, by job key. */
    private final Map<String, JobAnswer> jobAnswers = new ConcurrentHashMap<>();

    private final Map<String, io.camunda.client.protocol.rest.ProcessInstanceResult> instances =
            new ConcurrentHashMap<>();
    private final Map<String, List<io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowResult>> flows =
            new ConcurrentHashMap<>();
    /** Deployed BPMN: process id -> definition key, definition key -> XML. */
    private final Map<String, String> definitionKeys = new ConcurrentHashMap<>();

    private final Map<String, String> definitionXml = new ConcurrentHashMap<>();
    /** Start dates of the instances run here, one millisecond apart so "oldest first" is well defined. */
    private final AtomicLong clock =
            new AtomicLong(java.time.Instant.parse("2026-12-06T08:00:00Z").toEpochMilli());

    private final AtomicLong keys = new AtomicLong(2251799813685249L);

    public ContractGateway() {
        server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .disableRequestJournal()
                .extensions(new Contract()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The commands sent to one path pattern, in order. */
    public List<Received> received(String method, String pathRegex) {
        return received.stream()
                .filter(r -> r.method().equals(method) && r.path().matches(pathRegex))
                .toList();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The body of the latest command to a path (tests may share the gateway). */
    Object lastBody(String method, String path) {
        List<Received> sent = received(method, path);
        if (sent.isEmpty()) {
            throw new AssertionError("nothing sent: " + method + " " + path);
        }
        return sent.get(sent.size() - 1).body();
    }

    /** The first command to a path, waited for with a generous limit (a busy 2-core machine), never a fixed sleep. */
    Received awaitCommand(String method, String path) {
        java.time.Instant until = java.time.Instant.now().plusSeconds(60);
        while (received(method, path).isEmpty()) {
            if (java.time.Instant.now().isAfter(until)) {
                throw new AssertionError("not seen within 60 s: " + method + " " + path + "; the gateway saw "
                        + received.stream()
                                .map(r -> r.method() + " " + r.path())
                                .toList()
                        + ", violations " + violations);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return received(method, path).get(0);
    }

    List<String> deployedResources() {
        return List.copyOf(deployedResources);
    }

    String nextKey() {
        return String.valueOf(keys.incrementAndGet());
    }

    /** A job of this type the next activation hands out; its key. */
    public String offerJob(String type, Map<String, Object> variables, Map<String, Object> headers, int retries) {
        String key = nextKey();
        jobs.computeIfAbsent(type, t -> new ConcurrentLinkedQueue<>())
                .add(ProtocolContract.build(
                        ActivatedJobResult.class,
                        Map.ofEntries(
                                Map.entry("type", type),
                                Map.entry("processDefinitionId", "training-request"),
                                Map.entry("processDefinitionVersion", 1),
                                Map.entry("elementId", "step-" + type),
                                Map.entry("customHeaders", headers),
                                Map.entry("worker", "trainflow"),
                                Map.entry("retries", retries),
                                Map.entry("deadline", System.currentTimeMillis() + 300_000),
                                Map.entry("variables", variables),
                                Map.entry("tenantId", "<default>"),
                                Map.entry("jobKey", key),
                                Map.entry("processInstanceKey", nextKey()),
                                Map.entry("processDefinitionKey", nextKey()),
                                Map.entry("elementInstanceKey", nextKey()),
                                Map.entry("kind", "BPMN_ELEMENT"),
                                Map.entry("listenerEventType", "UNSPECIFIED"),
                                Map.entry("tags", List.of()),
                                Map.entry("rootProcessInstanceKey", nextKey()))));
        return key;
    }

    /** A worker's answer to a job: {@code completion}, {@code failure} or {@code error}, and the command's body. */
    public record JobAnswer(String kind, Object body) {}

    private Object answered(String jobKey, Object body, String kind) {
        jobAnswers.put(jobKey, new JobAnswer(kind, body));
        return NO_CONTENT;
    }

    /** The worker's answer to the job, waited for up to {@code limit}; never a fixed sleep. */
    public JobAnswer awaitAnswer(String jobKey, java.time.Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        while (!jobAnswers.containsKey(jobKey)) {
            if (System.nanoTime() > until) {
                throw new AssertionError(
                        "no worker answered job " + jobKey + " within " + limit + "; violations " + violations);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return jobAnswers.remove(jobKey);
    }

    /**
     * A user task as a running model created it elsewhere (the parity suite mirrors another engine's tasks): its
     * process, element, headers, assignment, creation time and the variables it sees; its key.
     */
    public String mirrorUserTask(
            String processDefinitionId,
            String elementId,
            String name,
            Map<String, String> headers,
            String assignee,
            List<String> candidateGroups,
            List<String> candidateUsers,
            java.time.Instant created,
            Map<String, Object> values) {
        String key = openUserTask(elementId, name, headers, candidateGroups, values);
        UserTaskResult task = userTasks.get(key);
        task.setProcessDefinitionId(processDefinitionId);
        task.setProcessName(processDefinitionId);
        task.setCandidateUsers(candidateUsers);
        task.setAssignee(assignee);
        task.setCreationDate(created.toString());
        return key;
    }

    /** The model removed an open task (a boundary event, a message): it is no longer open. */
    public void cancelUserTask(String key) {
        userTasks.get(key).setState(io.camunda.client.protocol.rest.UserTaskStateEnum.CANCELED);
    }

    /** The instance left the element it waited at ({@link #waitAt}): the wait is over. */
    public void leave(String elementInstanceKey) {
        elements.get(elementInstanceKey).setState(io.camunda.client.protocol.rest.ElementInstanceStateEnum.COMPLETED);
    }

    /** An open user task of a process instance whose variables are {@code values}; its key. */
    String openUserTask(
            String elementId,
            String name,
            Map<String, String> headers,
            List<String> candidateGroups,
            Map<String, Object> values) {
        String key = nextKey();
        String instance = nextKey();
        String element = nextKey();
        userTasks.put(
                key,
                ProtocolContract.build(
                        UserTaskResult.class,
                        Map.ofEntries(
                                Map.entry("name", name),
                                Map.entry("state", "CREATED"),
                                Map.entry("elementId", elementId),
                                Map.entry("candidateGroups", candidateGroups),
                                Map.entry("candidateUsers", List.of()),
                                Map.entry("processDefinitionId", "approval-step"),
                                Map.entry("creationDate", "2026-12-06T08:00:00.000Z"),
                                Map.entry("tenantId", "<default>"),
                                Map.entry("processDefinitionVersion", 1),
                                Map.entry("customHeaders", headers),
                                Map.entry("priority", 50),
                                Map.entry("userTaskKey", key),
                                Map.entry("elementInstanceKey", element),
                                Map.entry("processName", "Approval"),
                                Map.entry("processDefinitionKey", nextKey()),
                                Map.entry("processInstanceKey", instance),
                                Map.entry("rootProcessInstanceKey", instance),
                                Map.entry("formKey", nextKey()),
                                Map.entry("tags", List.of()))));
        holdVariables(instance, values);
        return key;
    }

    /**
     * An open user task of the running instance {@code instanceKey} (from {@link #runInstance}), at {@code elementId}
     * of its deployed model, with its element instance; the task's key.
     */
    String openUserTaskIn(String instanceKey, String elementId, String name, Map<String, String> headers) {
        io.camunda.client.protocol.rest.ProcessInstanceResult instance = instances.get(instanceKey);
        element(instanceKey, elementId, "USER_TASK", "ACTIVE");
        String element = elements.values().stream()
                .filter(e -> e.getProcessInstanceKey().equals(instanceKey)
                        && e.getElementId().equals(elementId)
                        && e.getState() == io.camunda.client.protocol.rest.ElementInstanceStateEnum.ACTIVE)
                .map(io.camunda.client.protocol.rest.ElementInstanceResult::getElementInstanceKey)
                .reduce((first, second) -> second)
                .orElseThrow();
        String key = nextKey();
        userTasks.put(
                key,
                ProtocolContract.build(
                        UserTaskResult.class,
                        Map.ofEntries(
                                Map.entry("name", name),
                                Map.entry("state", "CREATED"),
                                Map.entry("elementId", elementId),
                                Map.entry("candidateGroups", List.of()),
                                Map.entry("candidateUsers", List.of()),
                                Map.entry("processDefinitionId", instance.getProcessDefinitionId()),
                                Map.entry("creationDate", now()),
                                Map.entry("tenantId", "<default>"),
                                Map.entry("processDefinitionVersion", 1),
                                Map.entry("customHeaders", headers),
                                Map.entry("priority", 50),
                                Map.entry("userTaskKey", key),
                                Map.entry("elementInstanceKey", element),
                                Map.entry("processName", instance.getProcessDefinitionId()),
                                Map.entry("processDefinitionKey", instance.getProcessDefinitionKey()),
                                Map.entry("processInstanceKey", instanceKey),
                                Map.entry("rootProcessInstanceKey", instance.getRootProcessInstanceKey()),
                                Map.entry("tags", List.of()))));
        return key;
    }

    /** Ends an element's active instance the way a boundary event does ({@code TERMINATED}), and closes its task. */
    void interrupt(String instanceKey, String elementId) {
        elements.values().stream()
                .filter(e -> e.getProcessInstanceKey().equals(instanceKey)
                        && e.getElementId().equals(elementId)
                        && e.getState() == io.camunda.client.protocol.rest.ElementInstanceStateEnum.ACTIVE)
                .forEach(e -> {
                    e.setState(io.camunda.client.protocol.rest.ElementInstanceStateEnum.TERMINATED);
                    e.setEndDate(now());
                    userTasks.values().stream()
                            .filter(t -> t.getElementInstanceKey().equals(e.getElementInstanceKey()))
                            .forEach(t -> t.setState(io.camunda.client.protocol.rest.UserTaskStateEnum.CANCELED));
                });
    }

    /** A request waiting at an element (a catch event) with these process variables; the element instance's key. */
    public String waitAt(String elementId, Map<String, Object> values) {
        String key = nextKey();
        String instance = nextKey();
        elements.put(
                key,
                ProtocolContract.build(
                        io.camunda.client.protocol.rest.ElementInstanceResult.class,
                        Map.ofEntries(
                                Map.entry("processDefinitionId", "training-delivery"),
                                Map.entry("startDate", "2026-12-06T08:00:00.000Z"),
                                Map.entry("elementId", elementId),
                                Map.entry("elementName", "Learning path complete"),
                                Map.entry("type", "INTERMEDIATE_CATCH_EVENT"),
                                Map.entry("state", "ACTIVE"),
                                Map.entry("hasIncident", false),
                                Map.entry("tenantId", "<default>"),
                                Map.entry("elementInstanceKey", key),
                                Map.entry("processInstanceKey", instance),
                                Map.entry("rootProcessInstanceKey", instance),
                                Map.entry("processDefinitionKey", nextKey()))));
        holdVariables(instance, values);
        return key;
    }

    private void holdVariables(String instance, Map<String, Object> values) {
        variables.put(instance, rows(instance, values));
    }

    /** A completion's variables land in the instance, replacing those of the same names (Zeebe merges them). */
    private void mergeVariables(String instance, Map<String, Object> values) {
        List<VariableSearchResult> merged = new ArrayList<>(variables.getOrDefault(instance, List.of()));
        merged.removeIf(v -> values.containsKey(v.getName()));
        merged.addAll(rows(instance, values));
        variables.put(instance, merged);
    }

    /** An element's own variables (a task's local ones), replacing those of the same names in that scope. */
    private void mergeLocalVariables(String instance, String scope, Map<String, Object> values) {
        List<VariableSearchResult> merged = new ArrayList<>(variables.getOrDefault(instance, List.of()));
        merged.removeIf(v -> scope.equals(v.getScopeKey()) && values.containsKey(v.getName()));
        rows(instance, values).forEach(row -> {
            row.setScopeKey(scope);
            merged.add(row);
        });
        variables.put(instance, merged);
    }

    private List<VariableSearchResult> rows(String instance, Map<String, Object> values) {
        List<VariableSearchResult> rows = new ArrayList<>();
        values.forEach((variable, value) -> rows.add(ProtocolContract.build(
                VariableSearchResult.class,
                Map.of(
                        "name",
                        variable,
                        "tenantId",
                        "<default>",
                        "variableKey",
                        nextKey(),
                        "scopeKey",
                        instance,
                        "processInstanceKey",
                        instance,
                        "rootProcessInstanceKey",
                        instance,
                        "value",
                        new String(ProtocolContract.write(value), StandardCharsets.UTF_8),
                        "isTruncated",
                        false))));
        return rows;
    }

    /** An active incident of a failed job; its key. */
    String raiseIncident(String jobKey, String message) {
        String key = nextKey();
        String instance = nextKey();
        incidents.put(
                key,
                ProtocolContract.build(
                        IncidentResult.class,
                        Map.ofEntries(
                                Map.entry("processDefinitionId", "training-request"),
                                Map.entry("errorType", "JOB_NO_RETRIES"),
                                Map.entry("errorMessage", message),
                                Map.entry("elementId", "enrol"),
                                Map.entry("creationTime", "2026-12-06T08:00:00.000Z"),
                                Map.entry("state", "ACTIVE"),
                                Map.entry("tenantId", "<default>"),
                                Map.entry("incidentKey", key),
                                Map.entry("processDefinitionKey", nextKey()),
                                Map.entry("processInstanceKey", instance),
                                Map.entry("rootProcessInstanceKey", instance),
                                Map.entry("elementInstanceKey", nextKey()),
                                Map.entry("jobKey", jobKey))));
        return key;
    }

    public boolean userTaskOpen(String key) {
        UserTaskResult task = userTasks.get(key);
        return task != null && task.getState() == io.camunda.client.protocol.rest.UserTaskStateEnum.CREATED;
    }

    /** A running instance of a deployed process (or of one never deployed) with these variables; its key. */
    String runInstance(String processDefinitionId, Map<String, Object> values) {
        return runInstance(processDefinitionId, values, null);
    }

    /** The same, called by the instance {@code parentKey} (a call activity: it inherits the parent's variables). */
    String runInstance(String processDefinitionId, Map<String, Object> values, String parentKey) {
        String key = nextKey();
        Map<String, Object> fields = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("processDefinitionId", processDefinitionId),
                Map.entry("processDefinitionName", processDefinitionId),
                Map.entry("processDefinitionVersion", 1),
                Map.entry("startDate", now()),
                Map.entry("state", "ACTIVE"),
                Map.entry("hasIncident", false),
                Map.entry("tenantId", "<default>"),
                Map.entry("processInstanceKey", key),
                Map.entry("processDefinitionKey", definitionKeys.computeIfAbsent(processDefinitionId, id -> nextKey())),
                Map.entry("rootProcessInstanceKey", parentKey == null ? key : parentKey),
                Map.entry("tags", List.of())));
        if (parentKey != null) {
            fields.put("parentProcessInstanceKey", parentKey);
        }
        instances.put(key, ProtocolContract.build(io.camunda.client.protocol.rest.ProcessInstanceResult.class, fields));
        holdVariables(key, values);
        return key;
    }

    /** An element the instance entered ({@code ACTIVE}) or left ({@code COMPLETED}), of a BPMN element type. */
    void element(String instanceKey, String elementId, String type, String state) {
        String key = nextKey();
        io.camunda.client.protocol.rest.ProcessInstanceResult instance = instances.get(instanceKey);
        Map<String, Object> fields = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("processDefinitionId", instance.getProcessDefinitionId()),
                Map.entry("startDate", now()),
                Map.entry("elementId", elementId),
                Map.entry("elementName", elementId),
                Map.entry("type", type),
                Map.entry("state", state),
                Map.entry("hasIncident", false),
                Map.entry("tenantId", "<default>"),
                Map.entry("elementInstanceKey", key),
                Map.entry("processInstanceKey", instanceKey),
                Map.entry("rootProcessInstanceKey", instance.getRootProcessInstanceKey()),
                Map.entry("processDefinitionKey", instance.getProcessDefinitionKey())));
        if (!"ACTIVE".equals(state)) {
            fields.put("endDate", now());
        }
        elements.put(key, ProtocolContract.build(io.camunda.client.protocol.rest.ElementInstanceResult.class, fields));
    }

    /** A sequence flow the instance took. */
    void tookFlow(String instanceKey, String flowId) {
        io.camunda.client.protocol.rest.ProcessInstanceResult instance = instances.get(instanceKey);
        flows.computeIfAbsent(instanceKey, k -> new CopyOnWriteArrayList<>())
                .add(ProtocolContract.build(
                        io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowResult.class,
                        Map.of(
                                "sequenceFlowId",
                                instanceKey + "_" + flowId,
                                "processInstanceKey",
                                instanceKey,
                                "processDefinitionKey",
                                instance.getProcessDefinitionKey(),
                                "processDefinitionId",
                                instance.getProcessDefinitionId(),
                                "elementId",
                                flowId,
                                "tenantId",
                                "<default>")));
    }

    /** The instance ends at this end event ({@code COMPLETED}). */
    void endAt(String instanceKey, String endEventId) {
        elements.values().stream()
                .filter(e -> e.getProcessInstanceKey().equals(instanceKey)
                        && e.getState() == io.camunda.client.protocol.rest.ElementInstanceStateEnum.ACTIVE)
                .forEach(e -> e.setState(io.camunda.client.protocol.rest.ElementInstanceStateEnum.COMPLETED));
        element(instanceKey, endEventId, "END_EVENT", "COMPLETED");
        io.camunda.client.protocol.rest.ProcessInstanceResult instance = instances.get(instanceKey);
        instance.setState(io.camunda.client.protocol.rest.ProcessInstanceStateEnum.COMPLETED);
        instance.setEndDate(now());
    }

    /** Assigns an open user task, as the model's assignee expression would have. */
    public void assign(String userTaskKey, String assignee) {
        userTasks.get(userTaskKey).setAssignee(assignee);
    }

    /** A job a worker activated and holds until {@code deadline} (ISO-8601), as the job search shows it. */
    void activated(String type, String worker, String deadline, String elementId) {
        String key = nextKey();
        String instance = nextKey();
        activatedJobs.add(ProtocolContract.build(
                io.camunda.client.protocol.rest.JobSearchResult.class,
                Map.ofEntries(
                        Map.entry("jobKey", key),
                        Map.entry("type", type),
                        Map.entry("worker", worker),
                        Map.entry("state", "CREATED"),
                        Map.entry("kind", "BPMN_ELEMENT"),
                        Map.entry("listenerEventType", "UNSPECIFIED"),
                        Map.entry("retries", 3),
                        Map.entry("isDenied", false),
                        Map.entry("hasFailedWithRetriesLeft", false),
                        Map.entry("customHeaders", Map.of()),
                        Map.entry("deadline", deadline),
                        Map.entry("processDefinitionId", "training-request"),
                        Map.entry("processDefinitionKey", nextKey()),
                        Map.entry("processInstanceKey", instance),
                        Map.entry("rootProcessInstanceKey", instance),
                        Map.entry("elementId", elementId),
                        Map.entry("elementInstanceKey", nextKey()),
                        Map.entry("tenantId", "<default>"))));
    }

    /** Sets a user task's creation date (ISO-8601 with offset). */
    void createdAt(String userTaskKey, String creationDate) {
        userTasks.get(userTaskKey).setCreationDate(creationDate);
    }

    /** Sets an open user task's due date (ISO-8601 with offset). */
    void dueAt(String userTaskKey, String dueDate) {
        userTasks.get(userTaskKey).setDueDate(dueDate);
    }

    /** The instance's state as the cluster holds it ({@code ACTIVE}, {@code COMPLETED}, {@code TERMINATED}). */
    String instanceState(String instanceKey) {
        return instances.get(instanceKey).getState().getValue();
    }

    private String now() {
        return java.time.Instant.ofEpochMilli(clock.incrementAndGet()).toString();
    }

    @Override
    public void close() {
        server.stop();
    }

    private interface Route {
        Object answer(Request request, Matcher path);
    }

    private record Entry(String method, Pattern path, Route route) {}

    /** Status 204 with no body. */
    private static final Object NO_CONTENT = new Object();

    private final List<Entry> routes = List.of(
            new Entry("POST", Pattern.compile("/v2/deployments"), this::deploy),
            new Entry("POST", Pattern.compile("/v2/process-instances"), (r, m) -> {
                ProcessInstanceCreationInstruction in = body(r, ProcessInstanceCreationInstruction.class, m);
                return ProtocolContract.build(
                        CreateProcessInstanceResult.class,
                        Map.of(
                                "processDefinitionId",
                                in.getProcessDefinitionId(),
                                "processDefinitionVersion",
                                1,
                                "tenantId",
                                "<default>",
                                "variables",
                                Map.of(),
                                "processDefinitionKey",
                                nextKey(),
                                "processInstanceKey",
                                nextKey(),
                                "tags",
                                List.of()));
            }),
            new Entry("POST", Pattern.compile("/v2/jobs/search"), (r, m) -> {
                io.camunda.client.protocol.rest.JobSearchQuery in =
                        body(r, io.camunda.client.protocol.rest.JobSearchQuery.class, m);
                io.camunda.client.protocol.rest.JobFilter filter = in.getFilter();
                List<io.camunda.client.protocol.rest.JobSearchResult> found = activatedJobs.stream()
                        .filter(j -> filter == null
                                || filter.getState() == null
                                || filter.getState().get$Eq() == null
                                || filter.getState()
                                        .get$Eq()
                                        .getValue()
                                        .equals(j.getState().getValue()))
                        .filter(j -> filter == null
                                || filter.getDeadline() == null
                                || filter.getDeadline().get$Gt() == null
                                || java.time.OffsetDateTime.parse(j.getDeadline())
                                        .isAfter(java.time.OffsetDateTime.parse(
                                                filter.getDeadline().get$Gt())))
                        .toList();
                return ProtocolContract.build(
                        io.camunda.client.protocol.rest.JobSearchQueryResult.class,
                        Map.of("items", found, "page", Map.of("totalItems", found.size(), "hasMoreTotalItems", false)));
            }),
            new Entry("POST", Pattern.compile("/v2/jobs/activation"), (r, m) -> {
                // a poll that activates nothing is not kept: the workers poll all along, a long run would hoard them
                JobActivationRequest in = ProtocolContract.read(r.getBody(), JobActivationRequest.class);
                Queue<ActivatedJobResult> waiting = jobs.getOrDefault(in.getType(), new ConcurrentLinkedQueue<>());
                List<ActivatedJobResult> out = new ArrayList<>();
                for (ActivatedJobResult job = waiting.poll();
                        job != null;
                        job = out.size() < in.getMaxJobsToActivate() ? waiting.poll() : null) {
                    out.add(job);
                }
                if (!out.isEmpty()) {
                    received.add(new Received(r.getMethod().getName(), r.getUrl(), in));
                }
                return ProtocolContract.build(JobActivationResult.class, Map.of("jobs", out));
            }),
            new Entry(
                    "POST",
                    Pattern.compile("/v2/jobs/(\\d+)/completion"),
                    (r, m) -> answered(m.group(1), body(r, JobCompletionRequest.class, m), "completion")),
            new Entry(
                    "POST",
                    Pattern.compile("/v2/jobs/(\\d+)/failure"),
                    (r, m) -> answered(m.group(1), body(r, JobFailRequest.class, m), "failure")),
            new Entry(
                    "POST",
                    Pattern.compile("/v2/jobs/(\\d+)/error"),
                    (r, m) -> answered(m.group(1), body(r, JobErrorRequest.class, m), "error")),
            new Entry("PATCH", Pattern.compile("/v2/jobs/(\\d+)"), (r, m) -> body(r, JobUpdateRequest.class, m, true)),
            new Entry("POST", Pattern.compile("/v2/messages/publication"), (r, m) -> {
                MessagePublicationRequest in = body(r, MessagePublicationRequest.class, m);
                if (in.getMessageId() != null && !messageIds.add(in.getMessageId())) {
                    return problem(409, "A message with id " + in.getMessageId() + " is still alive");
                }
                return ProtocolContract.build(
                        MessagePublicationResult.class, Map.of("tenantId", "<default>", "messageKey", nextKey()));
            }),
            new Entry("POST", Pattern.compile("/v2/user-tasks/search"), (r, m) -> {
                UserTaskSearchQuery in = body(r, UserTaskSearchQuery.class, m);
                List<UserTaskResult> found = userTasks.values().stream()
                        .filter(t -> matches(in.getFilter(), t))
                        .sorted(java.util.Comparator.comparing(UserTaskResult::getUserTaskKey))
                        .toList();
                return ProtocolContract.build(
                        UserTaskSearchQueryResult.class,
                        Map.of("items", found, "page", Map.of("totalItems", found.size(), "hasMoreTotalItems", false)));
            }),
            new Entry("POST", Pattern.compile("/v2/variables/search"), (r, m) -> {
                VariableSearchQuery in = body(r, VariableSearchQuery.class, m);
                Object instance = in.getFilter() == null ? null : in.getFilter().getProcessInstanceKey();
                List<VariableSearchResult> found = variables.entrySet().stream()
                        .filter(e ->
                                instance == null || String.valueOf(instance).contains(e.getKey()))
                        .flatMap(e -> e.getValue().stream())
                        .toList();
                return ProtocolContract.build(
                        VariableSearchQueryResult.class,
                        Map.of("items", found, "page", Map.of("totalItems", found.size(), "hasMoreTotalItems", false)));
            }),
            new Entry("GET", Pattern.compile("/v2/user-tasks/(\\d+)/form"), (r, m) -> {
                received.add(new Received("GET", r.getUrl(), null));
                return ProtocolContract.build(
                        FormResult.class,
                        Map.of(
                                "tenantId",
                                "<default>",
                                "formId",
                                "approval",
                                "schema",
                                "{\"id\":\"approval\",\"components\":[]}",
                                "version",
                                1,
                                "formKey",
                                nextKey()));
            }),
            new Entry("POST", Pattern.compile("/v2/user-tasks/(\\d+)/completion"), (r, m) -> {
                UserTaskCompletionRequest in = body(r, UserTaskCompletionRequest.class, m);
                if (!userTaskOpen(m.group(1))) {
                    return problem(404, "No open user task " + m.group(1));
                }
                if (in.getVariables() != null) {
                    mergeVariables(userTasks.get(m.group(1)).getProcessInstanceKey(), in.getVariables());
                }
                // the cluster keeps a completed task (history searches it)
                userTasks.get(m.group(1)).setState(io.camunda.client.protocol.rest.UserTaskStateEnum.COMPLETED);
                userTasks.get(m.group(1)).setCompletionDate(now());
                return NO_CONTENT;
            }),
            new Entry("POST", Pattern.compile("/v2/user-tasks/(\\d+)/assignment"), (r, m) -> {
                UserTaskAssignmentRequest in = body(r, UserTaskAssignmentRequest.class, m);
                UserTaskResult task = userTasks.get(m.group(1));
                if (!userTaskOpen(m.group(1))) {
                    return problem(404, "No open user task " + m.group(1));
                }
                if (task.getAssignee() != null && Boolean.FALSE.equals(in.getAllowOverride())) {
                    return problem(409, "User task " + m.group(1) + " is assigned already");
                }
                task.setAssignee(in.getAssignee());
                return NO_CONTENT;
            }),
            new Entry("PATCH", Pattern.compile("/v2/user-tasks/(\\d+)"), (r, m) -> {
                io.camunda.client.protocol.rest.UserTaskUpdateRequest in =
                        body(r, io.camunda.client.protocol.rest.UserTaskUpdateRequest.class, m);
                UserTaskResult task = userTasks.get(m.group(1));
                if (!userTaskOpen(m.group(1))) {
                    return problem(404, "No open user task " + m.group(1));
                }
                // the protocol's Changeset is a map (JSON reads its entries, not its typed fields)
                Map<String, Object> changes = in.getChangeset() == null ? Map.of() : in.getChangeset();
                if (changes.get("candidateUsers") instanceof List<?> users) {
                    task.setCandidateUsers(users.stream().map(String::valueOf).toList());
                }
                if (changes.get("candidateGroups") instanceof List<?> groups) {
                    task.setCandidateGroups(groups.stream().map(String::valueOf).toList());
                }
                return NO_CONTENT;
            }),
            new Entry("DELETE", Pattern.compile("/v2/user-tasks/(\\d+)/assignee"), (r, m) -> {
                received.add(new Received("DELETE", r.getUrl(), null));
                UserTaskResult task = userTasks.get(m.group(1));
                if (!userTaskOpen(m.group(1))) {
                    return problem(404, "No open user task " + m.group(1));
                }
                task.setAssignee(null);
                return NO_CONTENT;
            }),
            new Entry("PUT", Pattern.compile("/v2/element-instances/(\\d+)/variables"), (r, m) -> {
                io.camunda.client.protocol.rest.SetVariableRequest in =
                        body(r, io.camunda.client.protocol.rest.SetVariableRequest.class, m);
                UserTaskResult task = userTasks.values().stream()
                        .filter(t -> m.group(1).equals(t.getElementInstanceKey()))
                        .findFirst()
                        .orElse(null);
                if (task == null) {
                    return problem(404, "No element instance " + m.group(1));
                }
                if (Boolean.TRUE.equals(in.getLocal())) {
                    mergeLocalVariables(task.getProcessInstanceKey(), m.group(1), in.getVariables());
                } else {
                    mergeVariables(task.getProcessInstanceKey(), in.getVariables());
                }
                return NO_CONTENT;
            }),
            new Entry("POST", Pattern.compile("/v2/element-instances/search"), (r, m) -> {
                io.camunda.client.protocol.rest.ElementInstanceSearchQuery in =
                        body(r, io.camunda.client.protocol.rest.ElementInstanceSearchQuery.class, m);
                io.camunda.client.protocol.rest.ElementInstanceFilter filter = in.getFilter() == null
                        ? new io.camunda.client.protocol.rest.ElementInstanceFilter()
                        : in.getFilter();
                List<io.camunda.client.protocol.rest.ElementInstanceResult> found = elements.values().stream()
                        .filter(e -> filter.getElementId() == null
                                || filter.getElementId().equals(e.getElementId()))
                        .filter(e -> filter.getProcessInstanceKey() == null
                                || filter.getProcessInstanceKey().equals(e.getProcessInstanceKey()))
                        .filter(e -> filter.getState() == null
                                || filter.getState().get$Eq() == null
                                || filter.getState()
                                        .get$Eq()
                                        .getValue()
                                        .equals(e.getState().getValue()))
                        .filter(e -> filter.getType() == null
                                || filter.getType()
                                        .getValue()
                                        .equals(e.getType().getValue()))
                        .sorted(java.util.Comparator.comparing(
                                io.camunda.client.protocol.rest.ElementInstanceResult::getStartDate))
                        .toList();
                return ProtocolContract.build(
                        io.camunda.client.protocol.rest.ElementInstanceSearchQueryResult.class,
                        Map.of("items", found, "page", Map.of("totalItems", found.size(), "hasMoreTotalItems", false)));
            }),
            new Entry("POST", Pattern.compile("/v2/incidents/search"), (r, m) -> {
                body(r, IncidentSearchQuery.class, m);
                List<IncidentResult> found = List.copyOf(incidents.values());
                return ProtocolContract.build(
                        IncidentSearchQueryResult.class,
                        Map.of("items", found, "page", Map.of("totalItems", found.size(), "hasMoreTotalItems", false)));
            }),
            new Entry("GET", Pattern.compile("/v2/incidents/(\\d+)"), (r, m) -> {
                received.add(new Received("GET", r.getUrl(), null));
                IncidentResult incident = incidents.get(m.group(1));
                return incident == null ? problem(404, "No incident " + m.group(1)) : incident;
            }),
            new Entry("POST", Pattern.compile("/v2/incidents/(\\d+)/resolution"), (r, m) -> {
                if (r.getBody() != null && r.getBody().length > 0) {
                    body(r, IncidentResolutionRequest.class, m);
                } else {
                    received.add(new Received("POST", r.getUrl(), null));
                }
                return incidents.remove(m.group(1)) == null ? problem(404, "No incident " + m.group(1)) : NO_CONTENT;
            }),
            new Entry("POST", Pattern.compile("/v2/process-instances/search"), (r, m) -> {
                io.camunda.client.protocol.rest.ProcessInstanceSearchQuery in =
                        body(r, io.camunda.client.protocol.rest.ProcessInstanceSearchQuery.class, m);
                java.util.Comparator<io.camunda.client.protocol.rest.ProcessInstanceResult> byStart =
                        java.util.Comparator.comparing(
                                io.camunda.client.protocol.rest.ProcessInstanceResult::getStartDate);
                if (in.getSort() != null
                        && !in.getSort().isEmpty()
                        && in.getSort().get(0).getOrder() == io.camunda.client.protocol.rest.SortOrderEnum.DESC) {
                    byStart = byStart.reversed();
                }
                List<io.camunda.client.protocol.rest.ProcessInstanceResult> found = instances.values().stream()
                        .filter(p -> matches(in.getFilter(), p))
                        .sorted(byStart)
                        .limit(limit(in.getPage()))
                        .toList();
                return ProtocolContract.build(
                        io.camunda.client.protocol.rest.ProcessInstanceSearchQueryResult.class,
                        Map.of("items", found, "page", Map.of("totalItems", found.size(), "hasMoreTotalItems", false)));
            }),
            new Entry("POST", Pattern.compile("/v2/process-instances/(\\d+)/cancellation"), (r, m) -> {
                if (r.getBody() != null && r.getBody().length > 0) {
                    body(r, io.camunda.client.protocol.rest.CancelProcessInstanceRequest.class, m);
                } else {
                    received.add(new Received("POST", r.getUrl(), null));
                }
                io.camunda.client.protocol.rest.ProcessInstanceResult instance = instances.get(m.group(1));
                if (instance == null
                        || instance.getState() != io.camunda.client.protocol.rest.ProcessInstanceStateEnum.ACTIVE) {
                    return problem(404, "No active process instance " + m.group(1));
                }
                instance.setState(io.camunda.client.protocol.rest.ProcessInstanceStateEnum.TERMINATED);
                instance.setEndDate(now());
                return NO_CONTENT;
            }),
            new Entry("GET", Pattern.compile("/v2/process-instances/(\\d+)/sequence-flows"), (r, m) -> {
                received.add(new Received("GET", r.getUrl(), null));
                return ProtocolContract.build(
                        io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowsQueryResult.class,
                        Map.of("items", flows.getOrDefault(m.group(1), List.of())));
            }),
            new Entry("GET", Pattern.compile("/v2/process-definitions/(\\d+)/xml"), (r, m) -> {
                received.add(new Received("GET", r.getUrl(), null));
                String xml = definitionXml.get(m.group(1));
                return xml == null
                        ? problem(404, "No process definition " + m.group(1))
                        : aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "text/xml")
                                .withBody(xml)
                                .build();
            }));

    private Object deploy(Request request, Matcher path) {
        List<Map<String, Object>> deployments = new ArrayList<>();
        for (Request.Part part : request.getParts()) {
            if ("tenantId".equals(part.getName())) {
                // the form's other field: which tenant the resources belong to
                continue;
            }
            String disposition = part.getHeader("Content-Disposition").firstValue();
            Matcher file = Pattern.compile("filename=\"([^\"]+)\"").matcher(disposition);
            if (!"resources".equals(part.getName()) || !file.find()) {
                throw new ProtocolContract.ContractViolation(
                        "deployment part '" + part.getName() + "' is not a named resource");
            }
            String name = file.group(1);
            deployedResources.add(name);
            String id = name.replaceAll("\\.[a-z]+$", "");
            if (name.endsWith(".bpmn")) {
                String definitionKey = definitionKeys.computeIfAbsent(id, i -> nextKey());
                definitionXml.put(definitionKey, part.getBody().asString());
                deployments.add(Map.of(
                        "processDefinition",
                        Map.of(
                                "processDefinitionId",
                                id,
                                "processDefinitionVersion",
                                1,
                                "resourceName",
                                name,
                                "tenantId",
                                "<default>",
                                "processDefinitionKey",
                                definitionKey)));
            } else if (name.endsWith(".form")) {
                deployments.add(Map.of(
                        "form",
                        Map.of(
                                "formId",
                                id,
                                "version",
                                1,
                                "resourceName",
                                name,
                                "tenantId",
                                "<default>",
                                "formKey",
                                nextKey())));
            } else if (name.endsWith(".dmn")) {
                deployments.add(Map.of(
                        "decisionRequirements",
                        Map.of(
                                "decisionRequirementsId",
                                id,
                                "decisionRequirementsName",
                                id,
                                "version",
                                1,
                                "resourceName",
                                name,
                                "tenantId",
                                "<default>",
                                "decisionRequirementsKey",
                                nextKey())));
            } else {
                throw new ProtocolContract.ContractViolation(
                        "deployment resource '" + name + "' is no process, decision or form");
            }
        }
        received.add(new Received("POST", request.getUrl(), List.copyOf(deployedResources)));
        return ProtocolContract.build(
                DeploymentResult.class,
                Map.of("deploymentKey", nextKey(), "tenantId", "<default>", "deployments", deployments));
    }

    /** The search's filter as the cluster applies it: key, element, and process variables by their JSON value. */
    private boolean matches(io.camunda.client.protocol.rest.UserTaskFilter filter, UserTaskResult task) {
        if (filter == null) {
            return true;
        }
        if (filter.getUserTaskKey() != null && !filter.getUserTaskKey().equals(task.getUserTaskKey())) {
            return false;
        }
        if (filter.getElementId() != null && !filter.getElementId().equals(task.getElementId())) {
            return false;
        }
        if (filter.getAssignee() != null
                && filter.getAssignee().get$Eq() != null
                && !filter.getAssignee().get$Eq().equals(task.getAssignee())) {
            return false;
        }
        if (filter.getState() != null
                && filter.getState().get$Eq() != null
                && !filter.getState().get$Eq().getValue().equals(task.getState().getValue())) {
            return false;
        }
        if (filter.getDueDate() != null && !within(filter.getDueDate(), task.getDueDate())) {
            return false;
        }
        if (filter.getCreationDate() != null && !within(filter.getCreationDate(), task.getCreationDate())) {
            return false;
        }
        List<VariableSearchResult> of = variables.getOrDefault(task.getProcessInstanceKey(), List.of());
        for (io.camunda.client.protocol.rest.VariableValueFilterProperty wanted :
                filter.getProcessInstanceVariables() == null
                        ? List.<io.camunda.client.protocol.rest.VariableValueFilterProperty>of()
                        : filter.getProcessInstanceVariables()) {
            if (of.stream()
                    .noneMatch(v -> v.getName().equals(wanted.getName())
                            && v.getValue().equals(wanted.getValue().get$Eq()))) {
                return false;
            }
        }
        return true;
    }

    /** The process-instance filters the adapter uses: definition id, state, parent, variables by JSON value. */
    private boolean matches(
            io.camunda.client.protocol.rest.ProcessInstanceFilter filter,
            io.camunda.client.protocol.rest.ProcessInstanceResult instance) {
        if (filter == null) {
            return true;
        }
        if (filter.getProcessDefinitionId() != null
                && !instance.getProcessDefinitionId()
                        .equals(filter.getProcessDefinitionId().get$Eq())) {
            return false;
        }
        if (filter.getState() != null
                && filter.getState().get$Eq() != null
                && filter.getState().get$Eq() != instance.getState()) {
            return false;
        }
        List<VariableSearchResult> of = variables.getOrDefault(instance.getProcessInstanceKey(), List.of());
        for (io.camunda.client.protocol.rest.VariableValueFilterProperty wanted : filter.getVariables() == null
                ? List.<io.camunda.client.protocol.rest.VariableValueFilterProperty>of()
                : filter.getVariables()) {
            if (of.stream()
                    .noneMatch(v -> v.getName().equals(wanted.getName())
                            && v.getValue().equals(wanted.getValue().get$Eq()))) {
                return false;
            }
        }
        return true;
    }

    /** A date filter's {@code $gte}/{@code $lt} bounds (the ones the adapter sends) on an ISO-8601 value. */
    private static boolean within(io.camunda.client.protocol.rest.DateTimeFilterProperty bounds, String value) {
        if (value == null) {
            return false;
        }
        java.time.Instant at = java.time.OffsetDateTime.parse(value).toInstant();
        return (bounds.get$Gte() == null
                        || !at.isBefore(
                                java.time.OffsetDateTime.parse(bounds.get$Gte()).toInstant()))
                && (bounds.get$Lt() == null
                        || at.isBefore(
                                java.time.OffsetDateTime.parse(bounds.get$Lt()).toInstant()));
    }

    private static long limit(io.camunda.client.protocol.rest.SearchQueryPageRequest page) {
        return page == null || page.getLimit() == null ? 100 : page.getLimit();
    }

    private <T> T body(Request request, Class<T> type, Matcher path) {
        T value = ProtocolContract.read(request.getBody(), type);
        received.add(new Received(request.getMethod().getName(), request.getUrl(), value));
        return value;
    }

    private <T> Object body(Request request, Class<T> type, Matcher path, boolean noContent) {
        body(request, type, path);
        return NO_CONTENT;
    }

    private static ResponseDefinition problem(int status, String detail) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\""
                        + (status == 404 ? "NOT_FOUND" : status == 409 ? "INVALID_STATE" : "INVALID_ARGUMENT")
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
                .build();
    }

    private final class Contract implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String path = URI.create(request.getUrl()).getPath();
            for (Entry entry : routes) {
                Matcher m = entry.path().matcher(path);
                if (entry.method().equals(request.getMethod().getName()) && m.matches()) {
                    try {
                        Object answer = entry.route().answer(request, m);
                        if (answer instanceof ResponseDefinition direct) {
                            return direct;
                        }
                        if (answer == NO_CONTENT) {
                            return aResponse().withStatus(204).build();
                        }
                        return aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(ProtocolContract.write(answer))
                                .build();
                    } catch (ProtocolContract.ContractViolation e) {
                        violations.add(entry.method() + " " + path + ": " + e.getMessage());
                        return problem(400, "contract: " + e.getMessage().replace('"', '\''));
                    }
                }
            }
            violations.add("no such endpoint: " + request.getMethod() + " " + path);
            return problem(404, "no such endpoint " + path);
        }

        @Override
        public String getName() {
            return "camunda-contract";
        }
    }
}

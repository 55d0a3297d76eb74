package io.trainflow.tests.parity;

import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.trainflow.connectors.lms.CompletionPoll;
import io.trainflow.engine.camunda.Camunda8Engine;
import io.trainflow.engine.camunda.CamundaCompletionSync;
import io.trainflow.engine.camunda.CamundaSettings;
import io.trainflow.engine.camunda.ContractGateway;
import io.trainflow.tests.SampleLifecycle;
import io.trainflow.tests.moodle.WireMockMoodle;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.InboxFilter;
import io.trainflow.workflows.engine.InboxTask;
import io.trainflow.workflows.intake.Intake;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Camunda 8 adapter, as far as the contract allows. No Camunda 8 broker runs here (its licence is not open
 * source), so the embedded engine stands in for the cluster and runs the models, and everything Trainflow sends to a
 * cluster goes through the adapter to the contract-validating gateway ({@link ContractGateway}):
 * <ul>
 *   <li>requests and campaigns are started by the adapter's intake (create-instance); the stand-in starts the same
 *       instance, with the command's key and variables;
 *   <li>every step is a job on the gateway, run by the adapter's job workers with the real handlers ({@link
 *       JobRelay}): each connector call is theirs;
 *   <li>every user task the models open is mirrored on the gateway ({@link TaskMirror}); every inbox read, refusal and
 *       decision is the adapter's, and the stand-in completes the task with the completion command's variables;
 *   <li>a manager change and the LMS's completions are published by the adapter, then correlated on the stand-in.
 * </ul>
 * What it cannot show: that a Camunda 8 broker runs the models as the stand-in does (the linter checks the models).
 */
final class Camunda8Target implements ParityTarget {

    private final ContractGateway gateway = new ContractGateway();
    private final EmbeddedTarget cluster = new EmbeddedTarget(steps -> JobRelay.through(gateway, steps));
    private final SampleLifecycle life = cluster.life();
    private final Camunda8Engine adapter;
    private final Intake intake;
    private final TaskMirror mirror;
    private int startsForwarded;
    private int messagesForwarded;
    private int commandsBefore;

    Camunda8Target() {
        Directory directory = Directory.of(life.org().groups());
        adapter = new Camunda8Engine(
                CamundaSettings.of(Map.of(
                        "TRAINFLOW_CAMUNDA_REST_ADDRESS", gateway.address().toString())),
                SampleLifecycle.bpmnFolder(),
                new HandlerRegistry(StepHandlers.all(life.ports())),
                directory,
                life.clock(),
                null);
        adapter.start(Duration.ofMillis(100), Duration.ofHours(1));
        intake = new Intake(
                adapter.processes(),
                adapter.openRequests(),
                life.ports().hcm(),
                life.ports().catalogue(),
                directory);
        mirror = new TaskMirror(gateway, life.flowable());
    }

    @Override
    public String name() {
        return "Camunda 8 adapter on the contract gateway";
    }

    @Override
    public Duration patience() {
        return Duration.ZERO;
    }

    @Override
    public String request(String requester, String employeeId, String justification, List<String> courseIds) {
        String key =
                intake.request(requester, employeeId, justification, courseIds).businessKey();
        forwardStarts(requester);
        return key;
    }

    @Override
    public String campaign(String requester, String department) {
        String key = intake.campaign(requester, department).businessKey();
        forwardStarts(requester);
        return key;
    }

    /** The instances the adapter created, started on the stand-in with the command's process, key and variables. */
    private void forwardStarts(String requester) {
        List<ContractGateway.Received> starts = gateway.received("POST", "/v2/process-instances");
        for (; startsForwarded < starts.size(); startsForwarded++) {
            ProcessInstanceCreationInstruction sent = (ProcessInstanceCreationInstruction)
                    starts.get(startsForwarded).body();
            Map<String, Object> variables = sent.getVariables();
            Object request = variables.get("requestId");
            String key = request instanceof String s && !s.isBlank() ? s : (String) variables.get("programmeId");
            life.engine().processStarter().start(requester, sent.getProcessDefinitionId(), key, variables);
        }
        settled();
    }

    @Override
    public List<OpenTask> inbox(String user) {
        return adapter.userTasks().page(user, 0, 500, InboxFilter.NONE).tasks().stream()
                .map(t -> new OpenTask(t.id(), t.elementId(), keyOf(t), t.assignee()))
                .toList();
    }

    private static String keyOf(InboxTask task) {
        return task.requestId() != null && !task.requestId().isBlank() ? task.requestId() : task.campaign();
    }

    @Override
    public boolean complete(String user, String taskId, Map<String, Object> variables) {
        try {
            adapter.userTasks().complete(user, taskId, variables);
        } catch (TrainflowProblem.NotFound refused) {
            return false;
        }
        List<ContractGateway.Received> sent = gateway.received("POST", "/v2/user-tasks/" + taskId + "/completion");
        UserTaskCompletionRequest completion =
                (UserTaskCompletionRequest) sent.get(sent.size() - 1).body();
        mirror.completed(taskId, user, completion.getVariables() == null ? Map.of() : completion.getVariables());
        settled();
        return true;
    }

    @Override
    public Instant advance(Duration duration) {
        Instant now = cluster.advance(duration);
        settled();
        return now;
    }

    @Override
    public Instant now() {
        return cluster.now();
    }

    @Override
    public void changeManager(String employeeId, String managerUsername) {
        // what the HCM sync does in camunda8 mode: the change is in the HCM, the adapter publishes it
        life.org().changeSupervisor(employeeId, managerUsername);
        adapter.messages().publishNow("manager-changed", employeeId, Map.of());
        forwardMessages();
    }

    @Override
    public void progressChanged() {
        // the requests waiting for their learning path, as the cluster's element search shows them
        List<String> waits = new ArrayList<>();
        life.flowable()
                .getRuntimeService()
                .createExecutionQuery()
                .activityId(CamundaCompletionSync.WAITING_ELEMENT)
                .list()
                .forEach(waiting -> waits.add(gateway.waitAt(
                        CamundaCompletionSync.WAITING_ELEMENT,
                        TaskMirror.plain(life.flowable().getRuntimeService().getVariables(waiting.getId())))));
        adapter.completionSync(CompletionPoll.everyLearner(life.ports().lms())).syncOnce();
        waits.forEach(gateway::leave);
        forwardMessages();
    }

    /** The messages the adapter published and the cluster took (one per message id), correlated on the stand-in. */
    private void forwardMessages() {
        List<ContractGateway.Received> published = gateway.received("POST", "/v2/messages/publication");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < messagesForwarded; i++) {
            ids.add(((MessagePublicationRequest) published.get(i).body()).getMessageId());
        }
        for (; messagesForwarded < published.size(); messagesForwarded++) {
            MessagePublicationRequest message =
                    (MessagePublicationRequest) published.get(messagesForwarded).body();
            if (message.getMessageId() != null && !ids.add(message.getMessageId())) {
                continue;
            }
            life.engine()
                    .messages()
                    .correlate(
                            message.getName(),
                            message.getCorrelationKey(),
                            message.getVariables() == null ? Map.of() : message.getVariables());
        }
        settled();
    }

    /** Runs what the stand-in has to run, then shows its open tasks on the gateway. */
    private void settled() {
        life.run();
        mirror.sync();
    }

    @Override
    public Optional<Status> status(String key) {
        return cluster.status(key);
    }

    @Override
    public WireMockMoodle moodle() {
        return cluster.moodle();
    }

    @Override
    public String openTasks() {
        return cluster.openTasks();
    }

    /** No request outside the client's protocol; the commands the scenario sent, by kind. */
    @Override
    public void afterScenario(String scenario) {
        if (!gateway.violations().isEmpty()) {
            throw new AssertionError("requests outside the Camunda 8 client's protocol: " + gateway.violations());
        }
        List<ContractGateway.Received> all = gateway.received();
        Map<String, Integer> commands = new TreeMap<>();
        for (ContractGateway.Received r : all.subList(commandsBefore, all.size())) {
            if (!r.path().endsWith("/search")) {
                commands.merge(r.method() + " " + r.path().replaceAll("\\d{6,}", "{key}"), 1, Integer::sum);
            }
        }
        commandsBefore = all.size();
        System.out.printf("parity [%s] %s: commands %s%n", name(), scenario, commands);
    }

    @Override
    public void close() {
        adapter.close();
        cluster.close();
        gateway.close();
    }
}

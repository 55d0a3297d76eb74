package io.trainflow.tests.parity;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.wiring.AiEngines;
import io.trainflow.connectors.ai.wiring.AiSettings;
import io.trainflow.tests.SampleLifecycle;
import io.trainflow.tests.moodle.MoodleLmsWiring;
import io.trainflow.tests.moodle.MoodleSite;
import io.trainflow.tests.moodle.SampleMoodleSite;
import io.trainflow.tests.moodle.WireMockMoodle;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;

/**
 * The embedded Flowable engine on H2 in this JVM ({@link SampleLifecycle}: the application's wiring, time under the
 * test's control, every step run in the caller's thread), Moodle behind the LMS port, the application's default AI.
 */
final class EmbeddedTarget implements ParityTarget {

    private final MoodleSite site = SampleMoodleSite.atLifecycleStart();
    private final WireMockMoodle moodle = WireMockMoodle.start(site);
    private final MoodleLmsWiring wiring = new MoodleLmsWiring(moodle);
    private final SampleLifecycle life;

    EmbeddedTarget() {
        this(UnaryOperator.identity());
    }

    /** {@code steps}: what the engine runs its steps through (the handlers themselves, unless a test relays them). */
    EmbeddedTarget(UnaryOperator<HandlerRegistry> steps) {
        life = SampleLifecycle.startWith(
                sample -> {
                    TrainflowPorts ports = new TrainflowPorts(
                            wiring.replacingSampleLms().apply(sample.lms()),
                            sample.hcm(),
                            sample.ai(),
                            sample.catalogue(),
                            sample.outcomes(),
                            sample.delegations(),
                            sample.clock(),
                            sample.quizExports());
                    // the AI engine the application runs by default (the offline embedding model), not the sample's
                    // token
                    // overlap: learning paths, and so costs, routing and enrolments, must be the jar's
                    AiPort ai = AiEngines.create(
                            AiSettings.fromEnvironment(Map.of("TRAINFLOW_AI_CACHE_DIR", "target/parity-ai-cache")),
                            List.of());
                    AiEngines.indexCatalogue(ai, ports.lms(), ports.catalogue());
                    return ports.withAi(ai);
                },
                steps);
    }

    /** The engine, its database and its time, for a target that runs its models here. */
    SampleLifecycle life() {
        return life;
    }

    @Override
    public String name() {
        return "embedded Flowable on H2";
    }

    @Override
    public Duration patience() {
        return Duration.ZERO;
    }

    @Override
    public String request(String requester, String employeeId, String justification, List<String> courseIds) {
        return life.request(requester, employeeId, justification, courseIds);
    }

    @Override
    public String campaign(String requester, String department) {
        return life.campaign(requester, department);
    }

    @Override
    public List<OpenTask> inbox(String user) {
        return life.inbox(user).stream()
                .map(t -> new OpenTask(t.getId(), t.getTaskDefinitionKey(), requestOf(t), t.getAssignee()))
                .toList();
    }

    private String requestOf(Task task) {
        Object request = life.variable(task, "requestId");
        return request != null ? request.toString() : (String) life.variable(task, "programmeId");
    }

    @Override
    public boolean complete(String user, String taskId, Map<String, Object> variables) {
        Task task = life.flowable()
                .getTaskService()
                .createTaskQuery()
                .taskId(taskId)
                .singleResult();
        if (task == null) {
            return false;
        }
        try {
            life.complete(user, task, variables);
            return true;
        } catch (TrainflowProblem.NotFound notFound) {
            return false;
        }
    }

    @Override
    public Instant advance(Duration duration) {
        life.advance(duration);
        return now();
    }

    @Override
    public Instant now() {
        return life.clock().instant();
    }

    @Override
    public void changeManager(String employeeId, String managerUsername) {
        // what the plugin's sample HCM endpoint does: the change, then the HCM sync's message
        life.org().changeSupervisor(employeeId, managerUsername);
        life.engine().messages().correlate("manager-changed", employeeId, Map.of());
        life.run();
    }

    @Override
    public void progressChanged() {
        life.syncProgress();
    }

    @Override
    public Optional<Status> status(String key) {
        HistoricProcessInstance root = life.root(key);
        if (root == null) {
            return Optional.empty();
        }
        return Optional.of(new Status(root.getEndTime() != null, life.variables(key)));
    }

    @Override
    public String openTasks() {
        StringBuilder text = new StringBuilder();
        for (Task t : life.flowable().getTaskService().createTaskQuery().list()) {
            text.append(t.getTaskDefinitionKey())
                    .append(" of ")
                    .append(requestOf(t))
                    .append(" (assignee ")
                    .append(t.getAssignee())
                    .append(", groups ")
                    .append(life.variable(t, "approverGroups"))
                    .append(") ");
        }
        return text.toString();
    }

    @Override
    public WireMockMoodle moodle() {
        return moodle;
    }

    @Override
    public void close() {
        life.close();
        wiring.close();
        moodle.close();
    }
}

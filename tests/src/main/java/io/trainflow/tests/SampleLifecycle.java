package io.trainflow.tests;

import com.zaxxer.hikari.HikariDataSource;
import io.trainflow.connectors.delegation.JdbcDelegationStore;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.outcome.JdbcOutcomeStore;
import io.trainflow.connectors.outcome.Outcome;
import io.trainflow.connectors.sample.JdbcSampleState;
import io.trainflow.connectors.sample.SampleLms;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.flowable.CompletionSync;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.engine.flowable.UserTasks;
import io.trainflow.workflows.intake.Intake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;

/**
 * The whole product on the embedded engine, wired like the application (sample organisation,
 * JDBC stores, Flowable on H2, the processes of {@code bpmn/}), with time under the caller's
 * control and work run in the caller's thread. For end-to-end tests and benchmarks.
 */
public final class SampleLifecycle implements AutoCloseable {

    /** A fixed Monday morning, so tests do not depend on the day they run. */
    public static final Instant START = Instant.parse("2027-03-01T08:00:00Z");

    private final EngineClock clock;
    private final DataSource dataSource;
    private final SampleOrganisation org;
    private final TrainflowPorts ports;
    private final TrainflowEngine engine;
    private final Intake intake;
    private final UserTasks tasks;
    private final CompletionSync completion;

    private SampleLifecycle(
            String jdbcUrl,
            Instant now,
            boolean background,
            UnaryOperator<TrainflowPorts> custom,
            UnaryOperator<HandlerRegistry> steps) {
        this.clock = new EngineClock();
        clock.set(now);
        DataSource db = dataSource(jdbcUrl);
        this.dataSource = db;
        this.org = SampleOrganisation.fromClasspath(clock, new JdbcSampleState(db));
        JdbcDelegationStore delegations = new JdbcDelegationStore(db);
        org.seedDelegations(delegations);
        this.ports = custom.apply(new TrainflowPorts(
                org.lms(), org.hcm(), org.ai(), org.catalogue(), new JdbcOutcomeStore(db), delegations, clock));
        Directory directory = Directory.of(org.groups());
        this.engine = TrainflowEngine.builder()
                .dataSource(db)
                .handlers(steps.apply(new HandlerRegistry(StepHandlers.all(ports))))
                .directory(directory)
                .clock(clock)
                .background(background)
                .taskNotifier(new io.trainflow.workflows.notify.tasks.OutboxTaskNotifier(
                        directory, clock)) // as the application
                .build();
        // the HCM the handlers see (a connector when a test swaps it in), never the sample's behind their back
        this.intake =
                new Intake(engine.processStarter(), engine.openRequests(), ports.hcm(), ports.catalogue(), directory);
        this.tasks = new UserTasks(engine.flowable(), directory);
        this.completion = new CompletionSync(engine, ports.lms());
    }

    /** A fresh in-memory database; the processes of bpmn/ deployed. */
    public static SampleLifecycle start() {
        return open("jdbc:h2:mem:lifecycle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", START, false);
    }

    /**
     * A fresh in-memory database, the handlers seeing the sample LMS through {@code lms} (e.g. a
     * test double that fails), to test what the engine does when a system misbehaves.
     */
    public static SampleLifecycle start(UnaryOperator<LmsPort> lms) {
        return startWith(p -> new TrainflowPorts(
                lms.apply(p.lms()),
                p.hcm(),
                p.ai(),
                p.catalogue(),
                p.outcomes(),
                p.delegations(),
                p.clock(),
                p.quizExports()));
    }

    /**
     * A fresh in-memory database, the handlers seeing the ports {@code custom} makes of the sample's
     * (e.g. the real AI engines instead of the sample's token overlap, or another quiz export folder).
     */
    public static SampleLifecycle startWith(UnaryOperator<TrainflowPorts> custom) {
        return startWith(custom, UnaryOperator.identity());
    }

    /**
     * As {@link #startWith(UnaryOperator)}, the engine running its steps through what {@code steps} makes of the
     * handlers (the parity suite's Camunda 8 part hands every step to the Camunda 8 adapter's job workers).
     */
    public static SampleLifecycle startWith(
            UnaryOperator<TrainflowPorts> custom, UnaryOperator<HandlerRegistry> steps) {
        SampleLifecycle lifecycle = new SampleLifecycle(
                "jdbc:h2:mem:lifecycle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", START, false, custom, steps);
        lifecycle.deploy();
        return lifecycle;
    }

    /** On the database at {@code jdbcUrl} (a file: to test restarts), at time {@code now}. */
    public static SampleLifecycle open(String jdbcUrl, Instant now, boolean background) {
        return openWith(jdbcUrl, now, background, UnaryOperator.identity());
    }

    /** On the database at {@code jdbcUrl}, the handlers and the completion poll seeing the LMS through {@code lms}. */
    public static SampleLifecycle open(String jdbcUrl, Instant now, boolean background, UnaryOperator<LmsPort> lms) {
        return openWith(
                jdbcUrl,
                now,
                background,
                p -> new TrainflowPorts(
                        lms.apply(p.lms()),
                        p.hcm(),
                        p.ai(),
                        p.catalogue(),
                        p.outcomes(),
                        p.delegations(),
                        p.clock(),
                        p.quizExports()));
    }

    private static SampleLifecycle openWith(
            String jdbcUrl, Instant now, boolean background, UnaryOperator<TrainflowPorts> custom) {
        SampleLifecycle lifecycle = new SampleLifecycle(jdbcUrl, now, background, custom, UnaryOperator.identity());
        lifecycle.deploy();
        return lifecycle;
    }

    private void deploy() {
        try {
            engine.deployments().deployFolder(bpmnFolder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's bpmn/ folder, found from the module's working directory. */
    public static Path bpmnFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("bpmn")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve("bpmn");
            }
        }
        throw new IllegalStateException("No bpmn/ folder above " + Path.of("").toAbsolutePath());
    }

    public String request(String requester, String employeeId, String justification, List<String> courseIds) {
        String requestId =
                intake.request(requester, employeeId, justification, courseIds).businessKey();
        run();
        return requestId;
    }

    public String campaign(String requester, String department) {
        String programmeId = intake.campaign(requester, department).businessKey();
        run();
        return programmeId;
    }

    /** A campaign for given employees (a course's participants, read from Moodle by the LTI tool). */
    public String courseCampaign(String requester, String course, List<String> employeeIds) {
        String programmeId =
                intake.courseCampaign(requester, course, employeeIds).businessKey();
        run();
        return programmeId;
    }

    public List<Task> inbox(String user) {
        return tasks.visibleTo(user);
    }

    /** The one open task with this element id in the user's inbox for the request (or programme). */
    public Task task(String user, String elementId, String requestId) {
        List<Task> found = inbox(user).stream()
                .filter(t -> t.getTaskDefinitionKey().equals(elementId))
                .filter(t -> requestId == null
                        || requestId.equals(flowable().getTaskService().getVariable(t.getId(), "requestId"))
                        || requestId.equals(flowable().getTaskService().getVariable(t.getId(), "programmeId")))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("Expected one '" + elementId + "' task for " + requestId + " in the inbox of "
                    + user + ", found " + found.size() + "; open tasks: " + openTasks());
        }
        return found.get(0);
    }

    /** Completes as {@code user}, then runs everything that follows. */
    public void complete(String user, Task task, Map<String, Object> variables) {
        tasks.complete(user, task.getId(), variables);
        run();
    }

    /** The manager answers the 30-, 60- and 90-day follow-ups of the request, each as it falls due. */
    public void followUps(String manager, String requestId, Map<String, Object> answers) {
        for (int day : new int[] {30, 60, 90}) {
            advance(Duration.ofDays(30));
            complete(manager, task(manager, "follow-up-" + day, requestId), answers);
        }
    }

    public void approve(String user, String requestId) {
        decide(user, requestId, "approve", "approved by " + user);
    }

    /** The user decides on the open approval of the request: approve, reject or changes. */
    public void decide(String user, String requestId, String decision, String comment) {
        complete(user, task(user, "approve", requestId), Map.of("decision", decision, "comment", comment));
    }

    /** A variable as the open task sees it (its own, its process's or an enclosing one's). */
    public Object variable(Task task, String name) {
        return flowable().getTaskService().getVariable(task.getId(), name);
    }

    /** How a single request (outside any programme) ended, as recorded for the reports. */
    public Optional<Outcome> outcome(String requestId) {
        return ports.outcomes().ofProgramme("").stream()
                .filter(o -> o.requestId().equals(requestId))
                .findFirst();
    }

    /** Instant messages the sample LMS delivered to the user, oldest first. */
    public List<SampleLms.SentMessage> messagesTo(String username) {
        return org.sampleLms().messagesTo(username);
    }

    /** The task notifications written for a person (outbox {@code tf_notification}): kind and task id, oldest first. */
    public List<Map<String, String>> notificationsTo(String username) {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement select = connection.prepareStatement(
                        "SELECT kind, task_id FROM tf_notification WHERE recipient = ? ORDER BY created_at, id")) {
            select.setString(1, username);
            List<Map<String, String>> rows = new java.util.ArrayList<>();
            try (java.sql.ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(Map.of("kind", result.getString(1), "task", result.getString(2)));
                }
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves time forward and runs every timer and step that falls due. */
    public void advance(Duration duration) {
        Duration step = Duration.ofHours(12);
        Duration left = duration;
        while (left.compareTo(step) > 0) {
            clock.advance(step);
            run();
            left = left.minus(step);
        }
        clock.advance(left);
        run();
    }

    /** The learner completes their next course in the sample LMS; the bulk progress poll runs. */
    public void learnerCompletesNextCourse(String username) {
        org.advanceProgress(username);
        completion.syncOnce();
        run();
    }

    public int syncProgress() {
        int done = completion.syncOnce();
        run();
        return done;
    }

    public void run() {
        engine.driver().runUntilIdle();
    }

    /** Variables of the request's root instance, running or ended. */
    public Map<String, Object> variables(String businessKey) {
        HistoricProcessInstance root = root(businessKey);
        Map<String, Object> vars = new HashMap<>();
        flowable()
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(root.getId())
                .list()
                .forEach(v -> vars.put(v.getVariableName(), v.getValue()));
        return vars;
    }

    /** The end event the request's root instance finished at, or null while it runs. */
    public String endedAt(String businessKey) {
        return root(businessKey).getEndActivityId();
    }

    /** The request or programme with this key; a campaign's requests (no business key) by their requestId. */
    public HistoricProcessInstance root(String businessKey) {
        HistoricProcessInstance root = flowable()
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        return root != null
                ? root
                : flowable()
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey("training-request")
                        .variableValueEquals("requestId", businessKey)
                        .singleResult();
    }

    public String openTasks() {
        StringBuilder text = new StringBuilder();
        for (Task t : flowable().getTaskService().createTaskQuery().list()) {
            text.append(t.getTaskDefinitionKey())
                    .append("(assignee=")
                    .append(t.getAssignee())
                    .append(") ");
        }
        return text.toString();
    }

    public Set<String> groupsOf(String user) {
        return Directory.of(org.groups()).groupsOf(user);
    }

    public EngineClock clock() {
        return clock;
    }

    public SampleOrganisation org() {
        return org;
    }

    public TrainflowPorts ports() {
        return ports;
    }

    public TrainflowEngine engine() {
        return engine;
    }

    public ProcessEngine flowable() {
        return engine.flowable();
    }

    @Override
    public void close() {
        engine.close();
        ports.ai().close(); // a model engine's Camel context, as the app closes it at shutdown
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    /** A pooled data source, as the application has: unpooled connections would dominate the timings. */
    private static DataSource dataSource(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        if (url.startsWith("jdbc:h2:")) {
            pool.setUsername("sa");
            pool.setPassword("");
        }
        pool.setMaximumPoolSize(8);
        return pool;
    }
}

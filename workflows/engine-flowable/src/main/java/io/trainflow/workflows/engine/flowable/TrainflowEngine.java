package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import io.trainflow.workflows.notify.tasks.TaskNotice;
import io.trainflow.workflows.notify.tasks.TaskNotifier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.job.service.impl.cmd.UnacquireOwnedJobsCmd;
import org.flowable.task.api.Task;

/**
 * The embedded default engine: Flowable, taught the Camunda 8 dialect through its own
 * extension points (BPMN parse factory, pre-parse handlers, behaviour factory, expression
 * manager, job interceptor, failed-job command), plus the job worker that runs step handlers.
 */
public final class TrainflowEngine implements AutoCloseable {

    private final ProcessEngine engine;
    private final JobWorker worker;
    private final BpmnLinter linter;
    private final Deployments deployments;

    private final EngineClock clock;

    private HeldLocks heldLocks;
    private io.trainflow.workflows.api.OpenRequests openRequests;

    private TrainflowEngine(ProcessEngine engine, JobWorker worker, BpmnLinter linter, EngineClock clock) {
        this.engine = engine;
        this.clock = clock;
        this.worker = worker;
        this.linter = linter;
        this.deployments = new Deployments(engine.getRepositoryService());
    }

    public static Builder builder() {
        return new Builder();
    }

    public ProcessEngine flowable() {
        return engine;
    }

    public EngineClock clock() {
        return clock;
    }

    /** What the people of an open task would be told about it (e.g. when its due date passed). */
    public TaskNotice notice(Task task, TaskNotice.Kind kind) {
        return TaskNotices.notice(engine, task, kind);
    }

    public JobWorker worker() {
        return worker;
    }

    public BpmnLinter linter() {
        return linter;
    }

    public Deployments deployments() {
        return deployments;
    }

    public MessageCorrelator messages() {
        return new MessageCorrelator(engine.getRuntimeService());
    }

    /** Who the engine records as acting on this thread (the engine-neutral port over Flowable's authenticated user). */
    public io.trainflow.workflows.engine.ActingUser actingUser() {
        return new FlowableActingUser();
    }

    /** Starts processes as a person (intake). */
    public io.trainflow.workflows.engine.ProcessStarter processStarter() {
        return new FlowableProcessStarter(engine.getRuntimeService(), actingUser());
    }

    /** The running training requests and the courses they hold (one open request per employee and course). */
    public io.trainflow.workflows.api.OpenRequests openRequests() {
        return openRequests;
    }

    public Incidents incidents() {
        return new Incidents(engine.getManagementService());
    }

    /** Who holds which job right now (an admin's check after a restart). */
    public io.trainflow.workflows.engine.JobLocksPort.Report heldLocks() {
        return heldLocks.report();
    }

    /** The same, as the engine-neutral port. */
    public io.trainflow.workflows.engine.JobLocksPort jobLocks() {
        return heldLocks;
    }

    /** Runs all due work in this thread (tests, demos); see {@link EngineDriver}. */
    public EngineDriver driver() {
        return new EngineDriver(engine, worker);
    }

    @Override
    public void close() {
        worker.close();
        engine.close();
    }

    /** Whether the engine's database is H2 (embedded or a file), asked from the driver when a pool is given. */
    private static boolean isH2(DataSource dataSource, String jdbcUrl) {
        if (dataSource == null) {
            return jdbcUrl.startsWith("jdbc:h2:");
        }
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            return false; // the engine's own start reports an unreachable database
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** Lock times per kind of job (see {@link Builder#locks}). */
    public record LockTimes(Duration step, Duration continuation, Duration timer) {
        /**
         * Steps run handlers that call other systems (an AI model up to a few minutes with its retries): their
         * lock is renewed while they run, so one minute is enough and a dead node's step returns within it.
         * Continuations and timer moves are single database transactions (a campaign's batch of 50 requests
         * the longest): five and one minute. A restarted node releases its own locks at once anyway.
         */
        public static LockTimes standard() {
            return new LockTimes(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(1));
        }
    }

    /** Configures and starts the engine. */
    public static final class Builder {
        private String jdbcUrl = "jdbc:h2:file:./data/trainflow;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        private DataSource dataSource;
        private HandlerRegistry handlers = new HandlerRegistry(List.of());
        private Directory directory = user -> Set.of();
        private boolean background = true;
        private int workerThreads = 4;
        private RetryPolicy retryPolicy = RetryPolicy.standard();
        private String name = "trainflow";
        private EngineClock clock = new EngineClock();
        private int backgroundConnections;
        private String unassignedTaskGroup = UserTaskDefaults.DEFAULT_GROUP;
        private String nodeId;
        private LockTimes locks = LockTimes.standard();
        private Duration stopGrace = Duration.ofSeconds(10);
        private TaskNotifier taskNotifier = TaskNotifier.NONE;

        /** Who hears of new and escalated user tasks, inside the transaction that creates them. */
        public Builder taskNotifier(TaskNotifier notifier) {
            this.taskNotifier = notifier == null ? TaskNotifier.NONE : notifier;
            return this;
        }

        /** The group a user task that names no assignee or candidates is offered to. */
        public Builder unassignedTaskGroup(String group) {
            if (group != null && !group.isBlank()) {
                this.unassignedTaskGroup = group.strip();
            }
            return this;
        }

        /**
         * This node's identity, stable across its restarts: its locks carry it, and at start the locks its
         * previous run held are released at once. Give every node sharing a database its own.
         */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        public Builder locks(LockTimes locks) {
            this.locks = locks;
            return this;
        }

        /** How long running steps may take to finish when the engine closes; then their locks are given back. */
        public Builder stopGrace(Duration grace) {
            this.stopGrace = grace;
            return this;
        }

        /** The clock the engine and the handlers share. */
        public Builder clock(EngineClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder jdbcUrl(String url) {
            this.jdbcUrl = url;
            return this;
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder handlers(HandlerRegistry handlers) {
            this.handlers = handlers;
            return this;
        }

        public Builder directory(Directory directory) {
            this.directory = directory;
            return this;
        }

        /** false: nothing runs in the background; drive the engine with {@link TrainflowEngine#driver()}. */
        public Builder background(boolean background) {
            this.background = background;
            return this;
        }

        /**
         * At most this many connections of the data source's pool for background work (steps, timers, jobs: a
         * campaign), so API calls always find one; 0 (the default) leaves the pool unshared.
         */
        public Builder backgroundConnections(int share) {
            this.backgroundConnections = share;
            return this;
        }

        public Builder workerThreads(int threads) {
            this.workerThreads = threads;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public TrainflowEngine build() {
            ZeebeModelReader.install();
            StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
            config.setEngineName(name);
            config.setClock(clock.flowableClock());
            if (dataSource != null) {
                config.setDataSource(
                        backgroundConnections > 0
                                ? new BackgroundConnections(dataSource, backgroundConnections, 60_000)
                                : dataSource);
            } else {
                config.setJdbcUrl(jdbcUrl);
                config.setJdbcDriver(jdbcUrl.startsWith("jdbc:postgresql") ? "org.postgresql.Driver" : "org.h2.Driver");
                config.setJdbcUsername("sa");
                config.setJdbcPassword("");
            }
            config.setDatabaseSchemaUpdate("true");
            // people and groups are Trainflow's directory, and the models correlate classic BPMN messages: Flowable's
            // IDM engine and event registry are not used, and each would parse its own mappers and check its own
            // tables at every start
            config.setDisableIdmEngine(true);
            config.setDisableEventRegistry(true);
            // Flowable's multi-row INSERTs are MyBatis dynamic SQL, built and parsed anew at each flush: on embedded
            // H2 (no round trips to save) that was 13 % of a campaign's CPU (docs/BENCHMARKS.md, issue 9); single-row
            // INSERTs are static and H2 reuses their parsed form. PostgreSQL keeps them (one round trip per table).
            config.setBulkInsertEnabled(!isH2(dataSource, jdbcUrl));
            // the default id generator fetches id blocks on a second connection while holding the first:
            // under load that deadlocks a bounded pool (measured by the benchmark); UUIDs need no round trip
            config.setIdGenerator(new StrongUuidGenerator());
            config.setHistoryLevel(HistoryLevel.AUDIT);
            // steps' structured outputs as JSON text in the variable's row, not Java-serialised byte arrays
            config.setCustomPreVariableTypes(List.of(new PlainJsonType()));
            // started below, once the locks of this node's previous run are released
            config.setAsyncExecutorActivate(false);
            String node = nodeId != null ? nodeId : name + "@" + host();
            config.setAsyncExecutorLockOwner(node);
            config.setAsyncExecutorAsyncJobLockTimeInMillis(
                    (int) locks.continuation().toMillis());
            config.setAsyncExecutorTimerLockTimeInMillis((int) locks.timer().toMillis());
            config.setAsyncExecutorNumberOfRetries(3);
            // a failed step waits out its backoff as a lock; release expired locks promptly
            config.setAsyncExecutorResetExpiredJobsInterval(5_000);
            // Flowable's idle acquisition waits 10 s: a timer or continuation could wait that long
            config.setAsyncExecutorDefaultTimerJobAcquireWaitTime(1_000);
            config.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(1_000);

            EngineClock engineClock = clock;
            Feel feel = new Feel(() -> engineClock.instant().atZone(ZoneOffset.UTC));
            FeelExpressionManager expressions = new FeelExpressionManager(feel, new HashMap<>());
            config.setExpressionManager(expressions);
            BpmnLinter linter =
                    new BpmnLinter(handlers.types(), feel, unassignedTaskGroup, UserTaskListeners.types(handlers));
            config.setBpmnParseFactory(new ZeebeBpmnParseFactory(linter));
            config.setPreBpmnParseHandlers(List.of(
                    new ZeebeUserTaskParseHandler(
                            new TaskCompletionGuard(directory),
                            unassignedTaskGroup,
                            new TaskNotices(taskNotifier),
                            new UserTaskListeners(handlers)),
                    new ZeebeCallActivityParseHandler(),
                    new ZeebeMessageParseHandler(),
                    new ZeebeMultiInstanceParseHandler(),
                    new StepInputsParseHandler(handlers),
                    new ElementOutputMappings()));
            config.setPostBpmnParseHandlers(List.of(new ZeebeReceiveTaskParseHandler()));
            config.setCustomMybatisMappers(Set.of(PendingSteps.Mapper.class, JobLocks.Mapper.class));
            Decisions decisions = new Decisions();
            ZeebeActivityBehaviorFactory behaviors = new ZeebeActivityBehaviorFactory(decisions);
            behaviors.setExpressionManager(expressions);
            config.setActivityBehaviorFactory(behaviors);
            StepSignals signals = new StepSignals();
            config.setCreateExternalWorkerJobInterceptor(new InputMappingInterceptor(signals));
            config.setFailedJobCommandFactory(BusinessErrorAwareRetryCmd.factory());

            ProcessEngine engine = MapperXPath.during(config::buildProcessEngine);
            Instant startedAt = clock.instant();
            ExtraIndexes.ensure(config.getDataSource());
            decisions.setRepositoryService(engine.getRepositoryService());
            engine.getRuntimeService()
                    .addEventListener(Compensation.handlerEnded(), FlowableEngineEventType.ENTITY_DELETED);
            String workerId = nodeId != null ? nodeId : name + "-worker@" + host();
            StepLedger ledger = new StepLedger(config.getDataSource(), clock);
            FlowableOpenRequests openRequests = new FlowableOpenRequests(
                    engine.getRuntimeService(),
                    engine.getManagementService(),
                    new io.trainflow.connectors.claims.CourseClaims(config.getDataSource(), clock));
            engine.getRuntimeService().addEventListener(new OpenRequestRows(), OpenRequestRows.EVENTS);
            OpenRequestRows.backfill(engine.getManagementService());
            JobWorker worker = new JobWorker(
                    engine.getManagementService(),
                    handlers,
                    retryPolicy,
                    workerId,
                    locks.step(),
                    workerThreads,
                    signals,
                    ledger,
                    openRequests,
                    clock,
                    stopGrace);
            releaseOwnLocks(config, engine, node, worker);
            // the table stays bounded: an instance's effects go when it ends, and at start whatever a crash left
            engine.getRuntimeService().addEventListener(ledger.forgetOnEnd(), StepLedger.ENDS);
            ledger.forgetEnded();
            if (background) {
                config.getAsyncExecutor().start();
                worker.start();
            }
            TrainflowEngine built = new TrainflowEngine(engine, worker, linter, clock);
            built.openRequests = openRequests;
            built.heldLocks = new HeldLocks(
                    new JobLocks(engine.getManagementService()),
                    node,
                    new java.util.HashSet<>(List.of(node, workerId)),
                    locks,
                    startedAt,
                    clock);
            return built;
        }

        /**
         * Jobs this node held when its previous run stopped (a kill, a power cut) are free again at once, not after
         * their locks expire. Only this node's: another live node's locks carry its own id.
         */
        private static void releaseOwnLocks(
                StandaloneProcessEngineConfiguration config, ProcessEngine engine, String node, JobWorker worker) {
            var management = engine.getManagementService();
            int steps = worker.releaseStepsOfDeadRun();
            int timers = new JobLocks(management).releaseTimers(node);
            long jobs = management.createJobQuery().lockOwner(node).count();
            config.getCommandExecutor()
                    .execute(new UnacquireOwnedJobsCmd(node, null, config.getJobServiceConfiguration()));
            if (steps + jobs + timers > 0) {
                org.slf4j.LoggerFactory.getLogger(TrainflowEngine.class)
                        .info(
                                "Released {} step(s), {} job(s) and {} timer(s) this node ({}) held when it stopped",
                                steps,
                                jobs,
                                timers,
                                node);
            }
        }
    }
}

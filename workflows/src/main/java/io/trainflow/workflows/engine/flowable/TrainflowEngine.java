package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

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

    public Incidents incidents() {
        return new Incidents(engine.getManagementService());
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

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** Configures and starts the engine. */
    public static final class Builder {
        private String jdbcUrl = "jdbc:h2:file:./data/trainflow;DB_CLOSE_DELAY=-1";
        private DataSource dataSource;
        private HandlerRegistry handlers = new HandlerRegistry(List.of());
        private Directory directory = user -> Set.of();
        private boolean background = true;
        private int workerThreads = 4;
        private RetryPolicy retryPolicy = RetryPolicy.standard();
        private String name = "trainflow";
        private EngineClock clock = new EngineClock();
        private int backgroundConnections;

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
                config.setDataSource(backgroundConnections > 0
                        ? new BackgroundConnections(dataSource, backgroundConnections, 60_000) : dataSource);
            } else {
                config.setJdbcUrl(jdbcUrl);
                config.setJdbcDriver(jdbcUrl.startsWith("jdbc:postgresql") ? "org.postgresql.Driver" : "org.h2.Driver");
                config.setJdbcUsername("sa");
                config.setJdbcPassword("");
            }
            config.setDatabaseSchemaUpdate("true");
            // the default id generator fetches id blocks on a second connection while holding the first:
            // under load that deadlocks a bounded pool (measured by the benchmark); UUIDs need no round trip
            config.setIdGenerator(new StrongUuidGenerator());
            config.setHistoryLevel(HistoryLevel.AUDIT);
            config.setAsyncExecutorActivate(background);
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
            BpmnLinter linter = new BpmnLinter(handlers.types(), feel);
            config.setBpmnParseFactory(new ZeebeBpmnParseFactory(linter));
            config.setPreBpmnParseHandlers(List.of(
                    new ZeebeUserTaskParseHandler(new TaskCompletionGuard(directory)),
                    new ZeebeCallActivityParseHandler(),
                    new ZeebeMessageParseHandler(),
                    new ZeebeMultiInstanceParseHandler(),
                    new StepInputsParseHandler(handlers)));
            config.setCustomMybatisMappers(Set.of(PendingSteps.Mapper.class));
            Decisions decisions = new Decisions();
            ZeebeActivityBehaviorFactory behaviors = new ZeebeActivityBehaviorFactory(decisions);
            behaviors.setExpressionManager(expressions);
            config.setActivityBehaviorFactory(behaviors);
            StepSignals signals = new StepSignals();
            config.setCreateExternalWorkerJobInterceptor(new InputMappingInterceptor(signals));
            config.setFailedJobCommandFactory(BusinessErrorAwareRetryCmd.factory());

            ProcessEngine engine = config.buildProcessEngine();
            ExtraIndexes.ensure(config.getDataSource());
            decisions.setRepositoryService(engine.getRepositoryService());
            String workerId = name + "-worker@" + host();
            // jobs this worker held when the process stopped are free again at once, not after their lock expires
            engine.getManagementService().unacquireAllExternalWorkerJobsForWorker(workerId);
            JobWorker worker = new JobWorker(engine.getManagementService(), handlers, retryPolicy,
                    workerId, Duration.ofMinutes(5), workerThreads, signals);
            if (background) {
                worker.start();
            }
            return new TrainflowEngine(engine, worker, linter, clock);
        }
    }
}

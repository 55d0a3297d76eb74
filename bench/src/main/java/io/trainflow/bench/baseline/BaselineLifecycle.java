package io.trainflow.bench.baseline;

import io.trainflow.bench.org.BenchOrganisation;
import io.trainflow.bench.scenario.BenchDatabase;
import io.trainflow.bench.scenario.ClientPool;
import io.trainflow.bench.scenario.Lifecycle;
import io.trainflow.tests.org.SyntheticOrganisation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.util.DefaultClockImpl;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.repository.DeploymentBuilder;
import org.flowable.engine.runtime.Execution;
import org.flowable.task.api.Task;

/**
 * The baseline: plain Flowable 8 on the same kind of database, same history level, same async
 * executor settings, running the Flowable-native rewrite of the same bpmn/ files
 * ({@link NativeBpmn}) with no-op synchronous delegates. No FEEL, no DMN, no job workers, no
 * step handlers, no lint, no task guard: what is left is the engine's own cost of the process.
 */
public final class BaselineLifecycle implements Lifecycle {

    private final BenchDatabase db;
    private final DefaultClockImpl clock = new DefaultClockImpl();
    private final ProcessEngine engine;

    public BaselineLifecycle(BenchDatabase db, Instant now, BenchOrganisation org, Path bpmn, Path convertedOut)
            throws Exception {
        this.db = db;
        clock.setCurrentTime(Date.from(now));
        NativeBpmn converter = new NativeBpmn();
        Files.createDirectories(convertedOut);
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (Path file : NativeBpmn.processFiles(bpmn)) {
            byte[] xml = converter.convert(file);
            Files.write(convertedOut.resolve(file.getFileName()), xml);
            files.put(file.getFileName().toString(), xml);
        }
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setEngineName("bench-baseline");
        config.setDataSource(db.dataSource());
        config.setDatabaseSchemaUpdate("true");
        config.setHistoryLevel(HistoryLevel.AUDIT);
        config.setClock(clock);
        config.setAsyncExecutorActivate(true);
        config.setAsyncExecutorNumberOfRetries(3);
        config.setAsyncExecutorResetExpiredJobsInterval(5_000);
        // the same settings as TrainflowEngine: UUID ids (no second connection), 1 s idle acquisition
        config.setIdGenerator(new org.flowable.common.engine.impl.persistence.StrongUuidGenerator());
        config.setAsyncExecutorDefaultTimerJobAcquireWaitTime(1_000);
        config.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(1_000);
        config.setBeans(Map.of(
                "noopStep",
                new NoOpSteps(converter, org.departmentIds(), org.profiles(), clock),
                "emptyList",
                List.of(),
                "feel",
                new FeelFunctions()));
        this.engine = config.buildProcessEngine();
        // the same database tuning as TrainflowEngine (see its ExtraIndexes): a fix any Flowable user on H2 would make
        try (var connection = db.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute(
                    "CREATE INDEX IF NOT EXISTS TF_IDX_RU_VAR_EXEC_TASK ON ACT_RU_VARIABLE(EXECUTION_ID_, TASK_ID_)");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        DeploymentBuilder deployment =
                engine.getRepositoryService().createDeployment().name("baseline");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            deployment.addBytes(f.getKey(), f.getValue());
        }
        deployment.deploy();
    }

    @Override
    public String name() {
        return "raw Flowable";
    }

    @Override
    public ProcessEngine flowable() {
        return engine;
    }

    @Override
    public String startCampaign() {
        String programmeId = "PRG-" + UUID.randomUUID().toString().substring(0, 8);
        engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "training-programme",
                        programmeId,
                        Map.of(
                                "programmeId",
                                programmeId,
                                "department",
                                SyntheticOrganisation.DEPARTMENT,
                                "requestedBy",
                                SyntheticOrganisation.CAMPAIGN_OWNER));
        return programmeId;
    }

    @Override
    public void complete(Task task, Map<String, Object> variables) {
        engine.getTaskService().complete(task.getId(), variables);
    }

    @Override
    public int publishCompletions(ClientPool clients) {
        List<Execution> waiting = engine.getRuntimeService()
                .createExecutionQuery()
                .activityId("wait-completion")
                .list();
        clients.forEach(waiting, e -> engine.getRuntimeService().messageEventReceived("training-completed", e.getId()));
        return waiting.size();
    }

    @Override
    public synchronized void advanceClock(Duration duration) {
        clock.setCurrentTime(Date.from(clock.getCurrentTime().toInstant().plus(duration)));
    }

    @Override
    public long pendingJobs() {
        return engine.getManagementService().createJobQuery().count();
    }

    @Override
    public String verify(String programmeKey, int cohort) {
        long completed = engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("training-request")
                .finished()
                .list()
                .stream()
                .filter(p -> "completed".equals(p.getEndActivityId()))
                .count();
        return "training-request instances ended at 'completed': " + completed + "/" + cohort;
    }

    @Override
    public void close() {
        engine.close();
        db.close();
    }
}

package io.trainflow.bench.trainflow;

import io.trainflow.bench.org.BenchOrganisation;
import io.trainflow.bench.scenario.BenchDatabase;
import io.trainflow.bench.scenario.ClientPool;
import io.trainflow.bench.scenario.Lifecycle;
import io.trainflow.connectors.outcome.JdbcOutcomeStore;
import io.trainflow.connectors.outcome.Outcome;
import io.trainflow.tests.org.SyntheticOrganisation;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.flowable.CompletionSync;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.engine.flowable.UserTasks;
import io.trainflow.workflows.intake.Intake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ProcessEngine;
import org.flowable.task.api.Task;

/**
 * Trainflow as the application runs it (plugin's EngineConfiguration): TrainflowEngine in
 * background mode (async executor plus 4 JobWorker threads), every real step handler, the JDBC
 * outcome store on the engine's database, the processes of bpmn/ deployed through lint. People
 * act through the product's own classes: Intake, UserTasks, CompletionSync.
 */
public final class TrainflowLifecycle implements Lifecycle {

    private final BenchDatabase db;
    private final EngineClock clock;
    private final TrainflowEngine engine;
    private final JdbcOutcomeStore outcomes;
    private final Intake intake;
    private final UserTasks tasks;
    private final CompletionSync completion;

    public TrainflowLifecycle(BenchDatabase db, EngineClock clock, BenchOrganisation org, Path bpmn) {
        this.db = db;
        this.clock = clock;
        this.outcomes = new JdbcOutcomeStore(db.dataSource());
        TrainflowPorts ports = org.ports(outcomes, clock);
        this.engine = TrainflowEngine.builder()
                .dataSource(db.dataSource())
                .name("bench-trainflow")
                .handlers(new HandlerRegistry(StepHandlers.all(ports)))
                .directory(org.directory())
                .clock(clock)
                .background(true)
                .build();
        try {
            engine.deployments().deployFolder(bpmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.intake = new Intake(
                engine.processStarter(), engine.openRequests(), ports.hcm(), ports.catalogue(), org.directory());
        this.tasks = new UserTasks(engine.flowable(), org.directory());
        this.completion = new CompletionSync(engine, ports.lms());
    }

    @Override
    public String name() {
        return "Trainflow";
    }

    @Override
    public ProcessEngine flowable() {
        return engine.flowable();
    }

    @Override
    public String startCampaign() {
        return intake.campaign(SyntheticOrganisation.CAMPAIGN_OWNER, SyntheticOrganisation.DEPARTMENT)
                .businessKey();
    }

    @Override
    public void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getAssignee(), task.getId(), variables);
    }

    @Override
    public int publishCompletions(ClientPool clients) {
        return completion.syncOnce();
    }

    @Override
    public synchronized void advanceClock(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public long pendingJobs() {
        var management = engine.flowable().getManagementService();
        return management.createJobQuery().count()
                + management.createExternalWorkerJobQuery().count();
    }

    @Override
    public String verify(String programmeKey, int cohort) {
        var history = engine.flowable().getHistoryService();
        String root = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(programmeKey)
                .processDefinitionKey("training-programme")
                .singleResult()
                .getId();
        Object report = history.createHistoricVariableInstanceQuery()
                .processInstanceId(root)
                .variableName("report")
                .singleResult()
                .getValue();
        List<Outcome> recorded = outcomes.ofProgramme(programmeKey);
        long completed =
                recorded.stream().filter(o -> "completed".equals(o.status())).count();
        long withFollowUps = recorded.stream()
                .filter(o -> o.followUps() instanceof List<?> l && l.stream().anyMatch(f -> f != null))
                .count();
        int cohortSize = report instanceof Map<?, ?> r && r.get("cohortSize") instanceof Number n ? n.intValue() : -1;
        return "report cohortSize=" + cohortSize + ", outcomes completed=" + completed + "/" + cohort
                + ", outcomes with follow-up scores=" + withFollowUps;
    }

    @Override
    public void close() {
        engine.close();
        db.close();
    }
}

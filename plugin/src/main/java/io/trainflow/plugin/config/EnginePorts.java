package io.trainflow.plugin.config;

import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.EngineErrors;
import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.engine.UserTaskPort;
import io.trainflow.workflows.engine.flowable.FlowableErrors;
import io.trainflow.workflows.engine.flowable.FlowableHistory;
import io.trainflow.workflows.engine.flowable.FlowableUserTasks;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine-neutral ports the REST face and its services use, here on the Flowable adapter: the one place that picks
 * it. With {@code trainflow.engine=camunda8} the user tasks, history, open tasks, incidents, messages and the engine's refusals
 * come from {@link Camunda8Ports}.
 */
@Configuration(proxyBeanMethods = false)
public class EnginePorts {

    @Bean
    @ConditionalOnProperty(name = "trainflow.engine", havingValue = "flowable", matchIfMissing = true)
    UserTaskPort userTaskPort(TrainflowEngine engine, Directory directory) {
        return new FlowableUserTasks(engine, directory);
    }

    @Bean
    @ConditionalOnProperty(name = "trainflow.engine", havingValue = "flowable", matchIfMissing = true)
    ProcessHistoryPort processHistoryPort(TrainflowEngine engine) {
        return new FlowableHistory(engine);
    }

    @Bean
    @ConditionalOnProperty(name = "trainflow.engine", havingValue = "flowable", matchIfMissing = true)
    io.trainflow.workflows.engine.IncidentsPort incidentsPort(TrainflowEngine engine) {
        return engine.incidents();
    }

    @Bean
    @ConditionalOnProperty(name = "trainflow.engine", havingValue = "flowable", matchIfMissing = true)
    io.trainflow.workflows.notify.tasks.OpenTasks openTasks(TrainflowEngine engine, Directory directory) {
        return new io.trainflow.workflows.engine.flowable.FlowableOpenTasks(engine, directory);
    }

    @Bean
    @ConditionalOnProperty(name = "trainflow.engine", havingValue = "flowable", matchIfMissing = true)
    io.trainflow.workflows.engine.MessagePort messagePort(TrainflowEngine engine) {
        return engine.messages();
    }

    @Bean
    @ConditionalOnProperty(name = "trainflow.engine", havingValue = "flowable", matchIfMissing = true)
    io.trainflow.workflows.engine.JobLocksPort jobLocksPort(TrainflowEngine engine) {
        return engine.jobLocks();
    }

    /** Delegations hand the approver's open approvals to the deputy, telling them (the outbox). */
    @Bean
    @ConditionalOnProperty(name = "trainflow.engine", havingValue = "flowable", matchIfMissing = true)
    io.trainflow.workflows.engine.ApprovalHandOver approvalHandOver(
            TrainflowEngine engine, Directory directory, io.trainflow.workflows.notify.tasks.TaskNotifier notifier) {
        return new io.trainflow.workflows.engine.flowable.OpenApprovals(engine, directory, notifier);
    }

    @Bean
    @ConditionalOnProperty(name = "trainflow.engine", havingValue = "flowable", matchIfMissing = true)
    EngineErrors engineErrors() {
        return new FlowableErrors();
    }
}

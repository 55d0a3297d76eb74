package io.trainflow.plugin.config;

import io.trainflow.engine.camunda.Camunda8Engine;
import io.trainflow.engine.camunda.CamundaErrors;
import io.trainflow.engine.camunda.CamundaSettings;
import io.trainflow.plugin.connect.Connections;
import io.trainflow.plugin.sync.CompletionRound;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.connector.rest.RestConnector;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.EngineErrors;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.IncidentsPort;
import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.engine.UserTaskPort;
import io.trainflow.workflows.intake.Intake;
import io.trainflow.workflows.notify.tasks.OpenTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code trainflow.engine=camunda8}: Trainflow's steps and inbox on a Camunda 8 cluster, whose address and
 * credentials come from the environment ({@link CamundaSettings}: {@code TRAINFLOW_CAMUNDA_*}). At start the models
 * folder is deployed to the cluster and a job worker opens for every task type, onto the same handlers; the inbox,
 * completion, claim and give-back go to the cluster's user tasks under the same separation of duties; requests,
 * campaigns and quizzes started over the REST API start there; history, the diagram, due-date reminders, incidents
 * and the one-open-request check read the cluster.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "trainflow.engine", havingValue = "camunda8")
public class Camunda8Ports {

    @Bean(destroyMethod = "close")
    Camunda8Engine camunda8Engine(
            TrainflowPorts ports,
            RestConnector rest,
            Directory directory,
            TrainflowProperties properties,
            ConfigurableEnvironment environment,
            ObjectProvider<DataSource> dataSource,
            @Value("${trainflow.camunda.poll-interval:PT0.5S}") String pollInterval,
            @Value("${trainflow.camunda.redeploy-every:PT30S}") String redeployEvery) {
        Path models = Path.of(properties.bpmnDir());
        if (!Files.isDirectory(models)) {
            throw new IllegalStateException(
                    "trainflow.bpmn-dir: no folder " + models.toAbsolutePath() + " to deploy to the Camunda 8 cluster");
        }
        // the cluster's address and secrets from the process environment only, never from a file
        PropertySource<?> env =
                environment.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        CamundaSettings settings = CamundaSettings.from(name -> env == null ? null : (String) env.getProperty(name));
        Camunda8Engine engine = new Camunda8Engine(
                settings,
                models,
                new HandlerRegistry(rest.with(StepHandlers.all(ports))),
                directory,
                Clock.systemUTC(),
                dataSource.getIfAvailable());
        // ISO-8601 durations (PT0.5S), read here so a wrong one is named
        engine.start(
                duration("trainflow.camunda.poll-interval", pollInterval),
                duration("trainflow.camunda.redeploy-every", redeployEvery));
        return engine;
    }

    private static Duration duration(String name, String value) {
        try {
            return Duration.parse(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalStateException(name + ": must be an ISO-8601 duration like PT0.5S, was '" + value + "'");
        }
    }

    @Bean
    UserTaskPort userTaskPort(Camunda8Engine engine) {
        return engine.userTasks();
    }

    /**
     * Requests, campaigns and quizzes started over the REST API start on the cluster; one open request per employee
     * and course is checked against the requests running there (and the course claims in Trainflow's database).
     */
    @Bean
    Intake intake(Camunda8Engine engine, TrainflowPorts ports, Directory directory) {
        return new Intake(engine.processes(), engine.openRequests(), ports.hcm(), ports.catalogue(), directory);
    }

    /** A request's audit trail, its diagram and a person's requests, read from the cluster. */
    @Bean
    ProcessHistoryPort processHistoryPort(Camunda8Engine engine) {
        return engine.history();
    }

    /** The notification dispatcher's due-date reminders and digest count, on the cluster's tasks. */
    @Bean
    OpenTasks openTasks(Camunda8Engine engine) {
        return engine.openTasks();
    }

    /** The admins' incidents page: the cluster's incidents, retried by giving the job new attempts. */
    @Bean
    IncidentsPort incidentsPort(Camunda8Engine engine) {
        return engine.incidents();
    }

    /** The scheduled LMS completion poll publishes on the cluster ({@code ProgressSync}). */
    @Bean
    CompletionRound camundaCompletionRound(Camunda8Engine engine, Connections connections) {
        return engine.completionSync(connections.completionPoll())::syncOnce;
    }

    /** The admins' job-locks view: the cluster's activated jobs and their deadlines. */
    @Bean
    io.trainflow.workflows.engine.JobLocksPort jobLocksPort(Camunda8Engine engine) {
        return engine.jobLocks();
    }

    /** Delegations move the cluster's open approvals to the deputy, who is told through the outbox. */
    @Bean
    io.trainflow.workflows.engine.ApprovalHandOver approvalHandOver(
            Camunda8Engine engine, io.trainflow.workflows.notify.tasks.TaskNotifier notifier) {
        return engine.approvalHandOver(notifier);
    }

    /** The HCM sync's {@code manager-changed}: published on the cluster to the approvals waiting now. */
    @Bean
    io.trainflow.workflows.engine.MessagePort messagePort(Camunda8Engine engine) {
        return (name, key, variables) -> {
            engine.messages().publishNow(name, key, variables);
            return 1;
        };
    }

    @Bean
    EngineErrors engineErrors() {
        return new CamundaErrors();
    }
}

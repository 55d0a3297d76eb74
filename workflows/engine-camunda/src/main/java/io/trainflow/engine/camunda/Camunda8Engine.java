package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.trainflow.connectors.claims.CourseClaims;
import io.trainflow.workflows.api.OpenRequests;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.notify.tasks.OpenTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trainflow on a Camunda 8 cluster ({@code trainflow.engine=camunda8}): on start, deploys the models folder and
 * opens a job worker per task type; the models folder is checked again every {@code redeployEvery} and deployed
 * when it changed. The ports (user tasks, messages, incidents, process start, open requests, history, open tasks)
 * share the one client.
 */
public final class Camunda8Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Camunda8Engine.class);

    private final CamundaClient client;
    private final CamundaDeployer deployer;
    private final CamundaJobWorkers workers;
    private final CamundaUserTasks userTasks;
    private final CamundaMessages messages;
    private final CamundaIncidents incidents;
    private final CamundaProcesses processes;
    private final OpenRequests openRequests;
    private final CamundaHistory history;
    private final CamundaOpenTasks openTasks;
    private ScheduledExecutorService redeploy;
    private final Directory directory;
    private final DataSource records;
    private final CamundaJobLocks jobLocks;

    /** {@code records}: Trainflow's own database, where a decision's audit line goes (null: none, in tests). */
    public Camunda8Engine(
            CamundaSettings settings,
            Path models,
            HandlerRegistry handlers,
            Directory directory,
            Clock clock,
            DataSource records) {
        this(CamundaClients.build(settings), settings.messageTtl(), models, handlers, directory, clock, records);
    }

    public Camunda8Engine(
            CamundaClient client,
            Duration messageTtl,
            Path models,
            HandlerRegistry handlers,
            Directory directory,
            Clock clock,
            DataSource records) {
        this.client = client;
        this.deployer = new CamundaDeployer(client, models);
        // the course claims live in Trainflow's database; without one (a test) nothing is checked
        this.openRequests =
                records == null ? OpenRequests.NONE : new CamundaOpenRequests(client, new CourseClaims(records, clock));
        this.workers = new CamundaJobWorkers(client, handlers, openRequests);
        this.userTasks = new CamundaUserTasks(client, directory, clock, records);
        this.history = new CamundaHistory(client);
        this.openTasks = new CamundaOpenTasks(client, userTasks);
        this.messages = new CamundaMessages(client, messageTtl);
        this.incidents = new CamundaIncidents(client);
        this.processes = new CamundaProcesses(client);
        this.directory = directory;
        this.records = records;
        this.jobLocks =
                new CamundaJobLocks(client, clock, client.getConfiguration().getDefaultJobTimeout());
    }

    /** Deploys, opens the workers, and watches the models folder. */
    public void start(Duration pollInterval, Duration redeployEvery) {
        try {
            deployer.deployIfChanged();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Deploying the models to the Camunda 8 cluster failed (check TRAINFLOW_CAMUNDA_*): "
                            + e.getMessage(),
                    e);
        }
        workers.open(pollInterval);
        redeploy = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "camunda8-redeploy");
            t.setDaemon(true);
            return t;
        });
        redeploy.scheduleWithFixedDelay(
                () -> {
                    try {
                        deployer.deployIfChanged().ifPresent(key -> LOG.info("Models changed: deployment {}", key));
                    } catch (RuntimeException e) {
                        LOG.warn("Redeploying the models failed; the previous deployment stays: {}", e.getMessage());
                    }
                },
                redeployEvery.toMillis(),
                redeployEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public CamundaDeployer deployer() {
        return deployer;
    }

    public CamundaUserTasks userTasks() {
        return userTasks;
    }

    public CamundaMessages messages() {
        return messages;
    }

    public CamundaIncidents incidents() {
        return incidents;
    }

    public CamundaProcesses processes() {
        return processes;
    }

    /** The employee's open requests on the cluster, with the course claims (intake's 409, exclude-open-requests). */
    public OpenRequests openRequests() {
        return openRequests;
    }

    /** Request history and the diagram, from the cluster. */
    public ProcessHistoryPort history() {
        return history;
    }

    /** What the notification dispatcher asks about tasks (due-date reminders, the digest). */
    public OpenTasks openTasks() {
        return openTasks;
    }

    /** The jobs the workers activated and have not finished (the admins' job-locks view). */
    public io.trainflow.workflows.engine.JobLocksPort jobLocks() {
        return jobLocks;
    }

    /** Delegations on the cluster's approvals; the deputy is told through {@code notifier} (Trainflow's outbox). */
    public io.trainflow.workflows.engine.ApprovalHandOver approvalHandOver(
            io.trainflow.workflows.notify.tasks.TaskNotifier notifier) {
        return new CamundaApprovalHandOver(client, userTasks, directory, notifier, records);
    }

    /** The LMS completion poll publishing on this cluster (run it on a schedule, on one node). */
    public CamundaCompletionSync completionSync(io.trainflow.connectors.lms.CompletionPoll poll) {
        return new CamundaCompletionSync(client, messages, poll);
    }

    public CamundaJobWorkers workers() {
        return workers;
    }

    @Override
    public void close() {
        if (redeploy != null) {
            redeploy.shutdownNow();
        }
        workers.close();
        client.close();
    }
}

package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.trainflow.workflows.api.OpenRequests;
import io.trainflow.workflows.api.StepContext;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.RegisteredHandler;
import io.trainflow.workflows.engine.StepInputException;
import io.trainflow.workflows.engine.StepInvoker;
import io.trainflow.workflows.engine.StepOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job worker per task type, onto the same step handlers the Flowable adapter runs ({@link StepInvoker}):
 * <ul>
 * <li>output → complete the job with the output variables;</li>
 * <li>a business error → throw the BPMN error with its code (never retried: the model catches it);</li>
 * <li>a configuration failure or unreadable input → fail with no retries left, so Zeebe raises an incident at once;</li>
 * <li>any other failure → fail with one retry fewer and a backoff, so Zeebe raises the incident after the last one.</li>
 * </ul>
 */
public final class CamundaJobWorkers implements AutoCloseable {

    /** Task header overriding the wait after a failed attempt (ISO-8601), as on the Flowable adapter. */
    static final String BACKOFF_HEADER = "retryBackoff";

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(CamundaJobWorkers.class);

    private final CamundaClient client;
    private final HandlerRegistry handlers;
    private final StepInvoker invoker = new StepInvoker();
    private final List<JobWorker> open = new ArrayList<>();
    private final OpenRequests openRequests;

    public CamundaJobWorkers(CamundaClient client, HandlerRegistry handlers) {
        this(client, handlers, OpenRequests.NONE);
    }

    /** {@code openRequests}: what a step sees of the cluster's running requests ({@link StepContext}). */
    public CamundaJobWorkers(CamundaClient client, HandlerRegistry handlers, OpenRequests openRequests) {
        this.client = client;
        this.handlers = handlers;
        this.openRequests = openRequests;
    }

    /** Opens a worker for every registered task type. */
    public synchronized void open(Duration pollInterval) {
        for (RegisteredHandler registered : handlers.all()) {
            open.add(client.newWorker()
                    .jobType(registered.type())
                    .handler((jobs, job) -> handle(registered, jobs, job))
                    .pollInterval(pollInterval)
                    .open());
        }
    }

    /** Runs one activated job and reports its outcome to the cluster. */
    void handle(RegisteredHandler registered, JobClient jobs, ActivatedJob job) {
        StepOutcome outcome;
        try {
            // one visit of one element: the element instance's key stays the same across the job's attempts
            StepContext step = new StepContext(
                    () -> job.getProcessInstanceKey() + "/" + job.getElementId() + "/" + job.getElementInstanceKey(),
                    null,
                    openRequests);
            outcome = step.run(() -> invoker.invoke(registered, job.getVariablesAsMap(), job.getCustomHeaders()));
        } catch (StepInputException e) {
            outcome = new StepOutcome.Incident("Unreadable input for " + registered.type() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            int left = Math.max(0, job.getRetries() - 1);
            // the message names the failure's class and text; handlers keep personal data out of exception texts
            LOG.warn(
                    "Step {} of job {} failed ({} attempts left): {}",
                    registered.type(),
                    job.getKey(),
                    left,
                    e.getClass().getSimpleName());
            jobs.newFailCommand(job.getKey())
                    .retries(left)
                    .retryBackoff(backoff(job, registered))
                    .errorMessage(e.getClass().getSimpleName() + ": " + e.getMessage())
                    .send()
                    .join();
            return;
        }
        if (outcome instanceof StepOutcome.Completed done) {
            jobs.newCompleteCommand(job.getKey())
                    .variables(done.variables())
                    .send()
                    .join();
        } else if (outcome instanceof StepOutcome.BusinessFailure error) {
            jobs.newThrowErrorCommand(job.getKey())
                    .errorCode(error.code())
                    .errorMessage(error.message() == null ? error.code() : error.message())
                    .variables(error.variables())
                    .send()
                    .join();
        } else if (outcome instanceof StepOutcome.Incident incident) {
            jobs.newFailCommand(job.getKey())
                    .retries(0)
                    .errorMessage(incident.message())
                    .send()
                    .join();
        }
    }

    /** The header's wait, else doubling from {@link #FIRST_BACKOFF} with each attempt used, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(ActivatedJob job, RegisteredHandler registered) {
        Optional<Duration> header = Optional.ofNullable(job.getCustomHeaders().get(BACKOFF_HEADER))
                .flatMap(text -> {
                    try {
                        return Optional.of(Duration.parse(text.strip()));
                    } catch (RuntimeException unreadable) {
                        return Optional.empty();
                    }
                });
        if (header.isPresent()) {
            return header.get();
        }
        int used = Math.max(0, registered.retries() - job.getRetries());
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(used, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    @Override
    public synchronized void close() {
        open.forEach(JobWorker::close);
        open.clear();
    }

    /** The task types with an open worker. */
    public List<String> types() {
        return List.copyOf(handlers.types());
    }
}

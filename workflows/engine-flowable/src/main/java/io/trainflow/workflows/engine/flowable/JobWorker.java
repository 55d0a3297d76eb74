package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.api.OpenRequests;
import io.trainflow.workflows.api.RecordedOutput;
import io.trainflow.workflows.api.StepContext;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.RegisteredHandler;
import io.trainflow.workflows.engine.StepInvoker;
import io.trainflow.workflows.engine.StepOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.AcquiredExternalWorkerJob;
import org.flowable.job.api.ExternalWorkerJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs step handlers for the jobs the engine creates, like a Zeebe job worker: acquire a job
 * (locked for a while, so a crashed worker's job comes back), run the handler outside any
 * transaction, then complete it, raise its business error, or fail it with backoff. A job
 * that runs out of attempts becomes an incident (a dead-letter job) for a person to retry.
 * A running step's lock is renewed, so a short lock brings a dead worker's step back quickly without taking
 * a long step from a live one; on stop, steps get a grace period and whatever is still held is given back.
 */
public final class JobWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final ManagementService management;
    private final HandlerRegistry registry;
    private final StepInvoker invoker = new StepInvoker();
    private final StepElements elements;
    private final PendingSteps pending;
    private final StepSignals signals;
    /** How often the job table is scanned for work no signal announced (retries due, expired locks). */
    private static final long SCAN_INTERVAL_NANOS = 1_000_000_000L;

    private static final long IDLE_WAIT_MILLIS = 250;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final RetryPolicy retryPolicy;
    private final String workerId;
    private final Duration lockDuration;
    private final int threads;
    private final JobLocks locks;
    private final StepContext.Ledger ledger;
    private final OpenRequests openRequests;
    private final java.time.Clock clock;
    private final Duration stopGrace;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Step jobs this worker holds the lock of, from acquisition until completed, failed or given back. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    private ExecutorService pool;
    private ScheduledExecutorService renewal;
    private Thread poller;
    private volatile boolean running;
    /** Set by {@link #close()}: a step failing now was interrupted by the stop, not by its own fault. */
    private volatile boolean stopping;

    JobWorker(
            ManagementService management,
            HandlerRegistry registry,
            RetryPolicy retryPolicy,
            String workerId,
            Duration lockDuration,
            int threads,
            StepSignals signals,
            StepContext.Ledger ledger,
            OpenRequests openRequests,
            java.time.Clock clock,
            Duration stopGrace) {
        this.signals = signals;
        this.openRequests = openRequests;
        this.locks = new JobLocks(management);
        this.ledger = ledger;
        this.clock = clock;
        this.stopGrace = stopGrace;
        this.management = management;
        this.elements = new StepElements(management);
        this.pending = new PendingSteps(management);
        this.registry = registry;
        this.retryPolicy = retryPolicy;
        this.workerId = workerId;
        this.lockDuration = lockDuration;
        this.threads = threads;
    }

    /**
     * Steps this worker still held when its previous run stopped without giving them back (a kill, a crash, a power
     * cut: a clean stop gives them back) are free again at once, each counted as a failed attempt: a step that
     * takes the process down every time it runs becomes an incident an admin sees, instead of a restart loop.
     * Returns how many were held.
     */
    int releaseStepsOfDeadRun() {
        List<ExternalWorkerJob> held =
                management.createExternalWorkerJobQuery().lockOwner(workerId).list();
        for (ExternalWorkerJob job : held) {
            StepElements.Step step = elements.of(job.getProcessDefinitionId(), job.getElementId());
            String type = job.getJobHandlerConfiguration();
            int attempts = step.retries() != null
                    ? Math.max(1, step.retries())
                    : registry.find(type).map(RegisteredHandler::retries).orElse(3);
            int remaining = attemptsLeft(job, attempts) - 1;
            String message = remaining > 0
                    ? "The process stopped (killed or crashed) while this step ran; counted as a failed attempt"
                    : "The process stopped (killed or crashed) while this step ran, at each of its " + attempts
                            + " attempts: not run again until an admin retries it";
            if (remaining <= 0) {
                LOG.warn("Step {} ({}) is now an incident: {}", job.getElementId(), type, message);
            }
            try {
                management
                        .createExternalWorkerJobFailureBuilder(job.getId(), workerId)
                        .errorMessage(message)
                        .errorDetails(message)
                        .retries(Math.max(0, remaining))
                        .fail();
            } catch (FlowableObjectNotFoundException gone) {
                LOG.debug("Step job {} is gone: {}", job.getId(), gone.toString());
            }
        }
        return held.size();
    }

    /** Attempts the job has left: Flowable's default count until the step first failed, then the recorded one. */
    private static int attemptsLeft(org.flowable.job.api.JobInfo job, int attempts) {
        return job.getExceptionMessage() == null ? attempts : job.getRetries();
    }

    /** Acquires and runs every available job once, in the calling thread; returns how many ran. */
    public int runOnce() {
        int ran = 0;
        for (RegisteredHandler handler : withPendingJobs()) {
            for (AcquiredExternalWorkerJob job : acquire(handler.type(), 50)) {
                try {
                    run(handler, job);
                } finally {
                    held.remove(job.getId());
                }
                ran++;
            }
        }
        return ran;
    }

    /** Starts polling in the background with {@code threads} handler threads. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "trainflow-step"));
        Semaphore free = new Semaphore(backlog());
        poller = daemon(() -> poll(free), "trainflow-job-poller");
        poller.start();
        long every = Math.max(1, lockDuration.toMillis() / 3);
        renewal = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "trainflow-lock-renewal"));
        renewal.scheduleWithFixedDelay(this::renewLocks, every, every, TimeUnit.MILLISECONDS);
    }

    /** Steps still running (or waiting for a thread) keep their lock: another worker takes over only a dead one's. */
    private void renewLocks() {
        try {
            locks.renew(
                    Set.copyOf(held),
                    workerId,
                    java.util.Date.from(clock.instant().plus(lockDuration)));
        } catch (RuntimeException e) {
            LOG.debug("Renewing step locks failed, will try again: {}", e.toString());
        }
    }

    private void poll(Semaphore free) {
        long lastScan = 0;
        // types left for when a step thread frees up (it wakes the poller): re-signalling them would spin the loop
        Set<String> deferred = new LinkedHashSet<>();
        while (running) {
            int acquired = 0;
            try {
                Set<String> types = signals.drain();
                types.addAll(deferred);
                deferred.clear();
                long now = System.nanoTime();
                if (now - lastScan >= SCAN_INTERVAL_NANOS) {
                    types.addAll(pending.types());
                    lastScan = now;
                }
                for (String type : types) {
                    RegisteredHandler handler = registry.find(type).orElse(null);
                    int room = free.availablePermits();
                    if (handler == null || room == 0 || !worthAcquiring(room)) {
                        if (handler != null) {
                            deferred.add(type); // try again when a thread is free
                        }
                        continue;
                    }
                    int max = room;
                    List<AcquiredExternalWorkerJob> jobs = acquire(type, max);
                    if (jobs.size() == max) {
                        deferred.add(type); // there may be more
                    }
                    for (AcquiredExternalWorkerJob job : jobs) {
                        if (stopping) {
                            break; // close() gives these back
                        }
                        free.acquireUninterruptibly();
                        acquired++;
                        pool.execute(() -> {
                            try {
                                if (running) {
                                    run(handler, job);
                                }
                                if (!stopping) {
                                    held.remove(job.getId());
                                } // else: close() gives the lock back if the step did not finish
                            } catch (RuntimeException e) {
                                if (running) {
                                    LOG.warn(
                                            "Step {} ({}) could not be recorded, it runs again when its lock expires: {}",
                                            job.getElementId(),
                                            handler.type(),
                                            e.toString());
                                }
                                if (!stopping) {
                                    held.remove(job.getId());
                                }
                            } finally {
                                free.release();
                                signals.wake();
                            }
                        });
                    }
                }
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                return; // close() gives back what was acquired
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.warn("Job polling failed, will try again: {}", e.toString());
            }
            if (acquired == 0) {
                try {
                    signals.await(IDLE_WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Jobs locked ahead of the step threads. Flowable's acquisition sorts every unlocked job of the type
     * (ORDER BY ID_), so its cost grows with the backlog in the table: at 10,000 pending steps, acquiring
     * one or two jobs per query (as each thread freed up) was the engine's most expensive statement
     * (38,702 runs, 104 s of a 10,000-person intake). Four jobs per thread stay well inside the lock.
     */
    private int backlog() {
        return threads * 4;
    }

    /** Acquire when the step threads would otherwise idle, or when at least half the backlog is free. */
    private boolean worthAcquiring(int room) {
        int inFlight = backlog() - room;
        return inFlight < threads || room >= backlog() / 2;
    }

    private List<RegisteredHandler> withPendingJobs() {
        List<RegisteredHandler> found = new ArrayList<>();
        for (String type : pending.types()) {
            registry.find(type).ifPresent(found::add);
        }
        return found;
    }

    private List<AcquiredExternalWorkerJob> acquire(String type, int max) {
        try {
            List<AcquiredExternalWorkerJob> jobs = management
                    .createExternalWorkerJobAcquireBuilder()
                    .topic(type, lockDuration)
                    .acquireAndLock(max, workerId);
            jobs.forEach(job -> held.add(job.getId()));
            return jobs;
        } catch (RuntimeException e) {
            LOG.debug("Acquire for {} failed: {}", type, e.toString());
            return new ArrayList<>();
        }
    }

    private void run(RegisteredHandler handler, AcquiredExternalWorkerJob job) {
        StepElements.Step step = elements.of(job.getProcessDefinitionId(), job.getElementId());
        StepContext context = new StepContext(
                () -> job.getProcessInstanceId() + "/" + job.getElementId() + "/"
                        + locks.visit(job.getExecutionId(), job.getElementId()),
                ledger,
                openRequests);
        StepOutcome outcome;
        try {
            // observable points of a step (the crash harness kills the process at them)
            LOG.debug("Step {} ({}) runs", job.getElementId(), handler.type());
            outcome = invokeOnce(handler, job, step, context);
            LOG.debug("Step {} ({}) ran", job.getElementId(), handler.type());
        } catch (io.trainflow.workflows.engine.StepInputException wrongInput) {
            // the same variables give the same answer: an incident at once, naming the element and each input
            failAsIncident(handler, job, "Step " + job.getElementId() + ": " + wrongInput.getMessage());
            return;
        } catch (RuntimeException | Error e) {
            if (stopping) {
                LOG.info(
                        "Step {} ({}) was interrupted by the stop; it runs again at the next start",
                        job.getElementId(),
                        handler.type());
                return;
            }
            fail(
                    handler,
                    job,
                    e,
                    step.retries() == null ? handler.retries() : Math.max(1, step.retries()),
                    RetryBackoff.of(step.headers()));
            return;
        }
        try {
            if (outcome instanceof StepOutcome.Completed done) {
                complete(job, done.variables());
            } else if (outcome instanceof StepOutcome.Incident incident) {
                failAsIncident(handler, job, incident.message());
            } else if (outcome instanceof StepOutcome.BusinessFailure error && !isCaught(job, error.code())) {
                failAsIncident(
                        handler,
                        job,
                        "Business error " + error.code() + " (" + error.message()
                                + ") has no error event in the BPMN to catch it");
            } else if (outcome instanceof StepOutcome.BusinessFailure error) {
                var builder = management.createExternalWorkerCompletionBuilder(job.getId(), workerId);
                if (!error.variables().isEmpty()) {
                    builder.variables(error.variables());
                }
                builder.bpmnError(error.code());
            }
        } catch (FlowableObjectNotFoundException gone) {
            // the instance moved on (cancelled, interrupted by a boundary event): nothing to report to
            LOG.info("Job {} of {} is gone: {}", job.getId(), handler.type(), gone.getMessage());
        }
    }

    /**
     * Runs the handler as this step. A handler marked {@link RecordedOutput} (a paid AI call) has its output
     * recorded before the step completes; a re-run after a crash gets that output without calling again.
     */
    private StepOutcome invokeOnce(
            RegisteredHandler handler, AcquiredExternalWorkerJob job, StepElements.Step step, StepContext context) {
        boolean record = handler.handler().getClass().isAnnotationPresent(RecordedOutput.class);
        Optional<String> recorded = record ? context.recorded("output") : Optional.empty();
        if (recorded.isPresent()) {
            LOG.info(
                    "Step {} ({}) ran before this restart: its recorded output is used",
                    job.getElementId(),
                    handler.type());
            return new StepOutcome.Completed(json.readValue(recorded.get(), MAP));
        }
        StepOutcome outcome = context.run(() -> invoker.invoke(handler, present(job.getVariables()), step.headers()));
        if (record && outcome instanceof StepOutcome.Completed done) {
            context.record("output", json.writeValueAsString(done.variables()));
        }
        return outcome;
    }

    /**
     * Completes and continues in one transaction; a conflict with a concurrent change of the same
     * instance is tried again. If continuing fails (say a FEEL condition further on), the step is
     * completed the standard way, so that failure becomes the engine's retry or incident and the
     * handler's outputs are kept.
     */
    private void complete(AcquiredExternalWorkerJob job, Map<String, Object> variables) {
        for (int attempt = 1; ; attempt++) {
            try {
                management.executeCommand(new CompleteStepCmd(job.getId(), workerId, variables));
                return;
            } catch (FlowableOptimisticLockingException conflict) {
                if (attempt == 3) {
                    break;
                }
                sleep(ThreadLocalRandom.current().nextLong(5, 50));
            } catch (FlowableObjectNotFoundException gone) {
                throw gone;
            } catch (RuntimeException continuationFailed) {
                LOG.debug(
                        "Continuing after step job {} failed, completing it asynchronously: {}",
                        job.getId(),
                        continuationFailed.toString());
                break;
            }
        }
        management
                .createExternalWorkerCompletionBuilder(job.getId(), workerId)
                .variables(variables)
                .complete();
    }

    /** Inputs the instance does not have are left out, so a task header can stand in for them. */
    private static Map<String, Object> present(Map<String, Object> variables) {
        if (variables == null || !variables.containsValue(null)) {
            return variables == null ? Map.of() : variables;
        }
        Map<String, Object> present = new HashMap<>(variables);
        present.values().removeIf(Objects::isNull);
        return present;
    }

    private boolean isCaught(AcquiredExternalWorkerJob job, String code) {
        return management.executeCommand(new ErrorCatchCheck(job.getExecutionId(), code));
    }

    private void failAsIncident(RegisteredHandler handler, AcquiredExternalWorkerJob job, String message) {
        LOG.warn("Step {} ({}) is now an incident: {}", job.getElementId(), handler.type(), message);
        management
                .createExternalWorkerJobFailureBuilder(job.getId(), workerId)
                .errorMessage(truncate(message))
                .errorDetails(message)
                .retries(0)
                .fail();
    }

    private void fail(
            RegisteredHandler handler,
            AcquiredExternalWorkerJob job,
            Throwable error,
            int attempts,
            Optional<Duration> modelledBackoff) {
        RetryPolicy.Next next = retryPolicy.next(attempts, attemptsLeft(job, attempts), error, sinceStepStarted(job));
        int remaining = next.retriesLeft();
        // the model's retryBackoff wins over the computed backoff, as in Camunda 8 (an outage still waits its own time)
        Duration wait = next.outage() ? next.delay() : modelledBackoff.orElse(next.delay());
        LOG.warn(
                "Step {} ({}) failed, {} of {} attempts left, next in {} s{}: {}",
                job.getElementId(),
                handler.type(),
                remaining,
                attempts,
                wait.toSeconds(),
                next.outage() ? " (system unavailable: not counted)" : "",
                error.toString());
        try {
            management
                    .createExternalWorkerJobFailureBuilder(job.getId(), workerId)
                    .errorMessage(truncate(error.getClass().getSimpleName() + ": " + error.getMessage()))
                    .errorDetails(stackTrace(error))
                    .retries(Math.max(0, remaining))
                    .retryTimeout(wait)
                    .fail();
        } catch (FlowableObjectNotFoundException gone) {
            LOG.info("Job {} is gone before its failure could be recorded", job.getId());
        }
    }

    /** Engine time since the step's job was created (a retried incident starts afresh). */
    private Duration sinceStepStarted(AcquiredExternalWorkerJob job) {
        if (job.getCreateTime() == null) {
            return Duration.ZERO;
        }
        java.util.Date now = management.executeCommand(
                context -> org.flowable.engine.impl.util.CommandContextUtil.getProcessEngineConfiguration(context)
                        .getClock()
                        .getCurrentTime());
        return Duration.ofMillis(Math.max(0, now.getTime() - job.getCreateTime().getTime()));
    }

    private static String truncate(String message) {
        return message.length() > 3500 ? message.substring(0, 3500) : message;
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops taking work; running steps get the grace period to finish. Steps still running after it, and
     * steps acquired but not started, are given back (their lock released), so the next start runs them at once.
     */
    @Override
    public synchronized void close() {
        stopping = true;
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
        if (pool != null) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (renewal != null) {
            renewal.shutdownNow();
        }
        int released = 0;
        for (String id : Set.copyOf(held)) {
            try {
                management.unacquireExternalWorkerJob(id, workerId);
                released++;
            } catch (RuntimeException gone) {
                LOG.debug("Step job {} could not be given back: {}", id, gone.toString());
            }
            held.remove(id);
        }
        if (released > 0) {
            LOG.info("Gave back {} step(s) that had not finished; they run at the next start", released);
        }
    }
}

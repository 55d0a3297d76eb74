package io.trainflow.bench.scenario;

import io.trainflow.bench.measure.Await;
import io.trainflow.bench.measure.Cpu;
import io.trainflow.bench.measure.HeapSampler;
import io.trainflow.bench.measure.LogCounter;
import io.trainflow.bench.org.BenchOrganisation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;

/**
 * The measured lifecycle, the same for every engine. Phase 1: a department campaign from launch
 * until every employee's approval task exists. Phase 2: every approval granted, every learner
 * completes their courses (the bulk LMS poll publishes it), the three follow-up timers fire as
 * the clock moves 30 days at a time, every follow-up is answered, the programme report is built.
 */
public final class Scenario {

    /** A safety net, not a goal: a wait that ends here is a hang. Grows with the cohort (10,000: 48 min). */
    private static Duration timeout(int cohort) {
        return Duration.ofMinutes(15).plusMillis(200L * cohort);
    }

    private final Lifecycle life;
    private final BenchOrganisation org;
    private final int cohort;
    private final ClientPool clients;
    private final AtomicLong incidents = new AtomicLong();
    private final Map<String, Double> steps = new LinkedHashMap<>();
    private long stepStart;

    public Scenario(Lifecycle life, BenchOrganisation org, int cohort, ClientPool clients) {
        this.life = life;
        this.org = org;
        this.cohort = cohort;
        this.clients = clients;
    }

    /** Phase 1 only: the campaign until every approval task exists. */
    public RunResult runIntake() {
        return run(true);
    }

    public RunResult run() {
        return run(false);
    }

    private RunResult run(boolean intakeOnly) {
        try (Ticker ticker = new Ticker(life)) {
            return measure(intakeOnly);
        }
    }

    private RunResult measure(boolean intakeOnly) {
        // the runs before left garbage; collected now, its collection is not billed to this run
        System.gc();
        System.gc();
        LogCounter.takeCounts();
        long conflictsBefore = clients.conflicts();
        long cpu = Cpu.processNanos();
        java.util.Map<String, Long> threads = Cpu.ticksByThreadGroup();
        HeapSampler heap = HeapSampler.start();
        long start = System.nanoTime();
        String programme = life.startCampaign();
        awaitTasks("approve", cohort);
        double intake = seconds(start);
        long intakeHeap = heap.peakBytes();
        heap.close();
        progress("intake done in " + Math.round(intake) + " s");
        if (intakeOnly) {
            return new RunResult(
                    life.name(),
                    cohort,
                    intake,
                    Double.NaN,
                    Double.NaN,
                    Map.of(),
                    intakeHeap,
                    0,
                    (Cpu.processNanos() - cpu) / 1e9,
                    clients.conflicts() - conflictsBefore,
                    incidents.get(),
                    LogCounter.takeCounts(),
                    "intake only");
        }

        heap = HeapSampler.start();
        start = System.nanoTime();
        stepStart = start;
        completeAll("approve", Map.of("decision", "approve", "comment", "fine by me"));
        step("approvals completed by the clients");
        await(
                "every learner enrolled and in training",
                () -> count("wait-completion") == cohort && life.pendingJobs() == 0);
        step("enrolment steps until waiting for completion");
        org.learnersCompleteEverything();
        for (int published = 0; published < cohort; ) {
            int now = life.publishCompletions(clients);
            published += now;
            if (now == 0) {
                Await.sleep(100);
            }
        }
        step("completion poll published");
        awaitTimers();
        step("completion to evaluation waiting 30 days");
        double idle = 0;
        for (int day : new int[] {30, 60, 90}) {
            life.advanceClock(Duration.ofDays(30).plusMinutes(1));
            await(
                    "a first follow-up-" + day + " task",
                    () -> life.flowable()
                                    .getTaskService()
                                    .createTaskQuery()
                                    .taskDefinitionKey("follow-up-" + day)
                                    .count()
                            > 0);
            idle += step("clock +30 d: until the timer acquisition wakes up (idle)");
            awaitTasks("follow-up-" + day, cohort);
            step("follow-up-" + day + " timers fired, tasks created");
            completeAll("follow-up-" + day, Map.of("behaviourScore", 4, "observation", "applies it weekly"));
            step("follow-up-" + day + " completed by the clients");
            if (day < 90) {
                awaitTimers();
                step("follow-up-" + day + " to next timer");
            }
        }
        awaitTasks("sign-off-report", 1);
        step("last outcomes recorded, report built");
        double report = seconds(start);
        long reportHeap = heap.peakBytes();
        heap.close();
        double cpuSeconds = (Cpu.processNanos() - cpu) / 1e9;
        // where the CPU went, by thread: a run billed for threads it did not start shows here
        progress("CPU " + Math.round(cpuSeconds) + " s, busiest threads (s): "
                + Cpu.busiest(threads, Cpu.ticksByThreadGroup(), 8));
        return new RunResult(
                life.name(),
                cohort,
                intake,
                report,
                report - idle,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps)),
                intakeHeap,
                reportHeap,
                cpuSeconds,
                clients.conflicts() - conflictsBefore,
                incidents.get(),
                LogCounter.takeCounts(),
                life.verify(programme, cohort));
    }

    private void completeAll(String elementId, Map<String, Object> variables) {
        List<Task> tasks = life.flowable()
                .getTaskService()
                .createTaskQuery()
                .taskDefinitionKey(elementId)
                .list();
        clients.forEach(tasks, task -> life.complete(task, variables));
    }

    private void awaitTasks(String elementId, long expected) {
        await(
                expected + " '" + elementId + "' tasks",
                () -> life.flowable()
                                .getTaskService()
                                .createTaskQuery()
                                .taskDefinitionKey(elementId)
                                .count()
                        == expected);
    }

    private void awaitTimers() {
        ManagementService management = life.flowable().getManagementService();
        await(
                cohort + " waiting timers and nothing else to do",
                () -> management.createTimerJobQuery().count() == cohort && life.pendingJobs() == 0);
    }

    private long count(String activityId) {
        return life.flowable()
                .getRuntimeService()
                .createExecutionQuery()
                .activityId(activityId)
                .count();
    }

    /** Waits; a job that ran out of retries is counted and given new ones, as an operator would from the incident list. */
    private void await(String what, java.util.function.BooleanSupplier condition) {
        ManagementService management = life.flowable().getManagementService();
        Await.until(
                what,
                timeout(cohort),
                () -> {
                    List<Job> dead = management.createDeadLetterJobQuery().count() == 0
                            ? List.of()
                            : management.createDeadLetterJobQuery().list();
                    for (Job job : dead) {
                        incidents.incrementAndGet();
                        System.err.println("[" + life.name() + "] incident at " + job.getElementId() + ": "
                                + job.getExceptionMessage());
                        management.moveDeadLetterJobToExecutableJob(job.getId(), 3);
                    }
                    return dead.isEmpty() && condition.getAsBoolean();
                },
                () -> "tasks "
                        + life.flowable().getTaskService().createTaskQuery().count() + ", timers "
                        + management.createTimerJobQuery().count() + ", pending jobs " + life.pendingJobs());
    }

    private double step(String name) {
        long now = System.nanoTime();
        double seconds = (now - stepStart) / 1e9;
        steps.merge(name, seconds, Double::sum);
        stepStart = now;
        progress(name);
        return seconds;
    }

    private void progress(String what) {
        System.err.printf("  [%s, %d] %s%n", life.name(), cohort, what);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

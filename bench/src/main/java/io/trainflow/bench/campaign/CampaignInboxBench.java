package io.trainflow.bench.campaign;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trainflow.bench.org.BenchOrganisation;
import io.trainflow.connectors.outcome.JdbcOutcomeStore;
import io.trainflow.tests.SampleLifecycle;
import io.trainflow.tests.org.SyntheticOrganisation;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.engine.flowable.UserTasks;
import io.trainflow.workflows.intake.Intake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flowable.task.api.Task;

/**
 * Issue 12, finding 9: an inbox page (what {@code GET /api/tasks} runs: the visible-tasks query, a page of 100,
 * separation of duties per task) read every 100 ms by a person while a 1,000-person campaign runs, on the
 * application's default pool of 10 connections, with and without the background share. Run from the repository
 * root: {@code java -cp bench/target/trainflow-bench.jar io.trainflow.bench.campaign.CampaignInboxBench
 * [people] [seconds] [share...]}; a share of 0 leaves the pool unshared (today's behaviour).
 */
public final class CampaignInboxBench {

    private CampaignInboxBench() {}

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        List<Integer> shares = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            shares.add(Integer.parseInt(args[i]));
        }
        if (shares.isEmpty()) {
            shares = List.of(0, 5);
        }
        Path work = Files.createTempDirectory("trainflow-campaign-bench");
        for (int share : shares) {
            run(work.resolve("share-" + share), people, seconds, share);
        }
    }

    static String run(Path dir, int people, int seconds, int share) throws Exception {
        EngineClock clock = new EngineClock();
        clock.set(SampleLifecycle.START);
        BenchOrganisation org = BenchOrganisation.generate(dir.resolve("org"), people, clock);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(10); // Spring Boot's default, as the application runs
        config.setConnectionTimeout(30_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            TrainflowPorts ports = org.ports(new JdbcOutcomeStore(pool), clock);
            TrainflowEngine engine = TrainflowEngine.builder()
                    .dataSource(pool)
                    .name("campaign-bench")
                    .handlers(new HandlerRegistry(StepHandlers.all(ports)))
                    .directory(org.directory())
                    .clock(clock)
                    .workerThreads(4)
                    .backgroundConnections(share)
                    .background(true)
                    .build();
            try {
                engine.deployments().deployFolder(SampleLifecycle.bpmnFolder());
                UserTasks tasks = new UserTasks(engine.flowable(), org.directory());
                Intake intake = new Intake(
                        engine.processStarter(),
                        engine.openRequests(),
                        ports.hcm(),
                        ports.catalogue(),
                        org.directory());
                ExecutorService api = Executors.newSingleThreadExecutor(r -> new Thread(r, "http-nio-bench"));
                List<Long> millis = new ArrayList<>();
                int failed = 0;
                try {
                    intake.campaign(SyntheticOrganisation.CAMPAIGN_OWNER, SyntheticOrganisation.DEPARTMENT);
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        Future<Integer> page = api.submit(() -> inboxPage(tasks, SyntheticOrganisation.CAMPAIGN_OWNER));
                        try {
                            page.get(30, TimeUnit.SECONDS);
                            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                            failed++;
                            page.cancel(true);
                        }
                        Thread.sleep(100);
                    }
                } finally {
                    api.shutdownNow();
                }
                long requests = startedRequests(engine);
                Collections.sort(millis);
                String result = String.format(
                        "share %s: %d inbox pages in %d s during a %d-person campaign (%d requests started):"
                                + " p50 %d ms, p95 %d ms, max %d ms, failed or over 30 s %d",
                        share == 0 ? "none (pool unshared)" : share + " of 10",
                        millis.size(),
                        seconds,
                        people,
                        requests,
                        percentile(millis, 50),
                        percentile(millis, 95),
                        millis.isEmpty() ? 0 : millis.get(millis.size() - 1),
                        failed);
                System.out.println(result); // before closing: a close racing the campaign's jobs may throw
                return result;
            } finally {
                try {
                    engine.close();
                } catch (RuntimeException e) {
                    System.out.println(
                            "(closing the engine mid-campaign: " + e.getClass().getSimpleName() + ")");
                }
            }
        }
    }

    /** Requests started so far, read as an API call would (-1 when even that finds no connection within 30 s). */
    private static long startedRequests(TrainflowEngine engine) {
        ExecutorService api = Executors.newSingleThreadExecutor(r -> new Thread(r, "http-nio-bench-count"));
        try {
            return api.submit(() -> engine.flowable()
                            .getHistoryService()
                            .createHistoricProcessInstanceQuery()
                            .processDefinitionKey("training-request")
                            .count())
                    .get(35, TimeUnit.SECONDS);
        } catch (Exception e) {
            return -1;
        } finally {
            api.shutdownNow();
        }
    }

    /** A page of 100 as GET /api/tasks reads it. */
    private static int inboxPage(UserTasks tasks, String user) {
        int shown = 0;
        for (Task task : tasks.visibleQuery(user).listPage(0, 100)) {
            if (tasks.maySee(user, task)) {
                shown++;
            }
        }
        return shown;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty()
                ? 0
                : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

package io.trainflow.bench.sync;

import io.trainflow.connectors.moodle.MoodleCalls;
import io.trainflow.connectors.moodle.MoodleConfig;
import io.trainflow.connectors.moodle.MoodleConnector;
import io.trainflow.connectors.moodle.completion.IncrementalCompletionPoll;
import io.trainflow.connectors.moodle.completion.JdbcCompletionChecks;
import io.trainflow.connectors.moodle.route.MoodleRoutes;
import io.trainflow.tests.SampleLifecycle;
import io.trainflow.tests.moodle.MoodleSite;
import io.trainflow.tests.moodle.WireMockMoodle;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Completion sync against a WireMock Moodle with a fixed latency (docs/BENCHMARKS.md, "Completion
 * sync"): run from the repository root with
 * {@code java -cp "bench/target/trainflow-bench.jar:bench/target/lib/*" io.trainflow.bench.sync.CompletionSyncBench
 * [--learners 2000] [--courses 200] [--per-learner 5] [--latency-ms 70] [--parallelism 8]}.
 * Scenarios in one run, each counted in WireMock's journal: naive (one
 * core_completion_get_course_completion_status per enrolment), per learner (one
 * core_enrol_get_users_courses per learner), the incremental poll in steady state (5 % of
 * learners open a course between two 5-minute polls) and its daily sweep.
 */
public final class CompletionSyncBench {

    private static final Duration POLL = Duration.ofMinutes(5);

    private CompletionSyncBench() {}

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        int learners = option(a, "--learners", 2000);
        int courses = option(a, "--courses", 200);
        int perLearner = option(a, "--per-learner", 5);
        int latency = option(a, "--latency-ms", 70);
        int parallelism = option(a, "--parallelism", 8);

        MoodleSite site = new MoodleSite();
        List<Long> courseIds = new ArrayList<>();
        for (int c = 0; c < courses; c++) {
            courseIds.add(site.addCourse("C" + c, "Course " + c).id());
        }
        Map<String, Set<String>> waiting = new LinkedHashMap<>();
        Map<String, Long> userIds = new LinkedHashMap<>();
        for (int l = 0; l < learners; l++) {
            MoodleSite.User u = site.addUser("learner" + l, "Learner", String.valueOf(l));
            userIds.put(u.username(), u.id());
            Set<String> mine = new HashSet<>();
            for (int k = 0; k < perLearner; k++) {
                long course = courseIds.get((l * perLearner + k) % courses);
                site.enrol(u.id(), course, 0, 0);
                mine.add(String.valueOf(course));
            }
            waiting.put(u.username(), mine);
        }
        int enrolments = learners * perLearner;
        EngineClock clock = new EngineClock();
        clock.set(SampleLifecycle.START);
        Report report = new Report(enrolments);
        System.err.printf(
                "== %d enrolments (%d learners x %d courses over %d courses), %d ms latency, %d calls in flight%n",
                enrolments, learners, perLearner, courses, latency, parallelism);

        try (WireMockMoodle moodle = WireMockMoodle.start(site, latency, Math.max(16, parallelism * 2));
                MoodleConnector connector = MoodleConnector.start(new MoodleConfig(
                        moodle.baseUrl(),
                        WireMockMoodle.TOKEN,
                        Duration.ofSeconds(30),
                        0,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        1000,
                        Duration.ofSeconds(30),
                        0,
                        5))) {
            MoodleCalls calls = connector.calls();
            report.run(
                    "user ids (100 usernames per call, once per process)",
                    moodle,
                    () -> connector.lms().userIds(waiting.keySet()));

            List<long[]> pairs = new ArrayList<>();
            waiting.forEach((u, cs) -> cs.forEach(c -> pairs.add(new long[] {userIds.get(u), Long.parseLong(c)})));
            report.run(
                    "naive: core_completion_get_course_completion_status per enrolment",
                    moodle,
                    () -> parallel(pairs, parallelism, p -> calls.courseCompletion(p[1], p[0])));
            report.baseline();
            report.run(
                    "per learner: core_enrol_get_users_courses per learner",
                    moodle,
                    () -> parallel(
                            List.copyOf(userIds.values()),
                            parallelism,
                            id -> calls.usersCourses(MoodleRoutes.COMPLETION, id)));

            JdbcDataSource db = new JdbcDataSource();
            db.setURL("jdbc:h2:mem:completion-bench;DB_CLOSE_DELAY=-1");
            IncrementalCompletionPoll poll = new IncrementalCompletionPoll(
                    calls,
                    connector.lms(),
                    new JdbcCompletionChecks(db),
                    clock,
                    new IncrementalCompletionPoll.Settings(Duration.ofHours(1), Duration.ofDays(1), parallelism));
            report.run("incremental: first poll (every learner new)", moodle, () -> poll.completed(waiting));
            // steady state: 5 % of learners open one of their courses between polls; the first
            // hour of polls fills the completion-task lag window, then three polls are measured
            Random random = new Random(42);
            List<String> names = List.copyOf(waiting.keySet());
            System.err.println("== incremental: warming up one hour of polls");
            for (int i = 0; i < 13; i++) {
                activity(site, waiting, userIds, names, clock, random, learners / 20);
                poll.completed(waiting);
            }
            moodle.resetJournal();
            long start = System.nanoTime();
            int measured = 3;
            for (int i = 0; i < measured; i++) {
                activity(site, waiting, userIds, names, clock, random, learners / 20);
                poll.completed(waiting);
            }
            report.add(
                    "incremental: steady-state poll, 5 % active (mean of " + measured + ")",
                    moodle,
                    (System.nanoTime() - start) / measured,
                    measured);
            clock.advance(Duration.ofDays(1));
            report.run("incremental: daily full sweep", moodle, () -> poll.completed(waiting));
        }
        String text = report.markdown(learners, courses, perLearner, latency, parallelism);
        Path out = SampleLifecycle.bpmnFolder().getParent().resolve("bench/target/completion-sync-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println(text);
    }

    /** {@code active} learners open one of their courses during the next poll interval. */
    private static void activity(
            MoodleSite site,
            Map<String, Set<String>> waiting,
            Map<String, Long> userIds,
            List<String> names,
            EngineClock clock,
            Random random,
            int active) {
        long from = clock.instant().getEpochSecond();
        for (int i = 0; i < active; i++) {
            String learner = names.get(random.nextInt(names.size()));
            List<String> mine = List.copyOf(waiting.get(learner));
            site.access(
                    userIds.get(learner),
                    Long.parseLong(mine.get(random.nextInt(mine.size()))),
                    from + random.nextInt((int) POLL.toSeconds()));
        }
        clock.advance(POLL);
    }

    private interface Call<T> {
        void run(T item) throws Exception;
    }

    private static <T> void parallel(List<T> items, int threads, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    call.run(item);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int option(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
    }
}

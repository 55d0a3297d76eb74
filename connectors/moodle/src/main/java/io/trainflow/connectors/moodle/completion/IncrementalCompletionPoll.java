package io.trainflow.connectors.moodle.completion;

import io.trainflow.connectors.lms.CompletionPoll;
import io.trainflow.connectors.moodle.MoodleCalls;
import io.trainflow.connectors.moodle.MoodleLms;
import io.trainflow.connectors.moodle.model.EnrolledUser;
import io.trainflow.connectors.moodle.model.UserCourse;
import io.trainflow.connectors.moodle.route.MoodleRoutes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Completion poll that asks Moodle only about learners whose completion can have changed.
 * Moodle 4.5 has no web-service function reporting course completion for many users, and its
 * completion is computed by a scheduled task some time after the learner's activity. Per poll:
 * <ol>
 * <li>one core_enrol_get_enrolled_users per course with waiting learners: each participant's
 * last access to the course;</li>
 * <li>one core_enrol_get_users_courses (completion of all of that learner's courses) for each
 * learner who is new, was last checked a sweep interval ago or more, opened a waiting course
 * since the last check, or whose last access plus the completion-task lag has passed since the
 * last check (the task may have completed the course since).</li>
 * </ol>
 * Courses whose waiting learners are all due anyway are not asked about (a sweep costs one call
 * per learner). Check times and completions seen are kept in the database, so a restart asks
 * nothing already known and a completion found is reported until the process moves on, even if
 * the engine failed to act on it once. Works on Moodle course ids.
 */
public final class IncrementalCompletionPoll implements CompletionPoll {

    /**
     * @param cronLag       how long after a learner's activity Moodle's completion task may mark the course complete
     * @param sweepInterval every waiting learner is checked at least this often (teacher-marked and date completions)
     * @param parallelism   Moodle calls in flight at once (the connector's rate limit applies on top)
     */
    public record Settings(Duration cronLag, Duration sweepInterval, int parallelism) {
        public static Settings defaults() {
            return new Settings(Duration.ofHours(1), Duration.ofDays(1), 4);
        }
    }

    /** What one poll asked Moodle, for the log and the benchmark. */
    public record Stats(int coursesAsked, int learnersChecked, int learnersWaiting) {}

    private final MoodleCalls moodle;
    private final MoodleLms users;
    private final JdbcCompletionChecks store;
    private final Clock clock;
    private final Settings settings;
    private volatile Stats last = new Stats(0, 0, 0);

    public IncrementalCompletionPoll(
            MoodleCalls moodle, MoodleLms users, JdbcCompletionChecks store, Clock clock, Settings settings) {
        this.moodle = moodle;
        this.users = users;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Set<Pair> completed(Map<String, Set<String>> waiting) {
        Instant now = clock.instant();
        Map<String, Long> ids = users.userIds(waiting.keySet()); // learners Moodle does not know complete nothing
        Map<String, Instant> lastChecks = store.lastChecks(ids.keySet());
        Set<String> due = new HashSet<>();
        Set<Long> askAccess = new HashSet<>();
        for (String username : ids.keySet()) {
            Instant checked = lastChecks.get(username);
            if (checked == null || !checked.isAfter(now.minus(settings.sweepInterval()))) {
                due.add(username);
            } else {
                waiting.get(username).forEach(c -> courseId(c).ifPresent(askAccess::add));
            }
        }
        Map<Long, Map<Long, Long>> access = inParallel(askAccess, this::lastAccessByUser);
        for (String username : ids.keySet()) {
            if (!due.contains(username)
                    && changedSince(lastChecks.get(username), now, ids.get(username), waiting.get(username), access)) {
                due.add(username);
            }
        }
        Map<String, List<UserCourse>> checked =
                inParallel(due, u -> moodle.usersCourses(MoodleRoutes.COMPLETION, ids.get(u)));
        Set<String> known = store.completed(ids.keySet());
        Map<String, Set<Long>> newlyCompleted = new HashMap<>();
        checked.forEach((username, courses) -> courses.stream()
                .filter(c -> Boolean.TRUE.equals(c.getCompleted()) && !known.contains(username + "|" + c.getId()))
                .forEach(c -> newlyCompleted
                        .computeIfAbsent(username, u -> new HashSet<>())
                        .add(c.getId())));
        // the check time is the poll's start: an access during the poll is seen as new by the next one
        store.record(checked.keySet(), now, newlyCompleted);
        last = new Stats(askAccess.size(), due.size(), waiting.size());

        Set<Pair> done = new HashSet<>();
        waiting.forEach((username, courses) -> courses.forEach(c -> {
            if (known.contains(username + "|" + c)
                    || newlyCompleted
                            .getOrDefault(username, Set.of())
                            .contains(courseId(c).orElse(-1L))) {
                done.add(new Pair(username, c));
            }
        }));
        return done;
    }

    /** What the last poll asked Moodle. */
    public Stats lastPoll() {
        return last;
    }

    /** Opened a waiting course since the last check, or Moodle's completion task may have run since. */
    private boolean changedSince(
            Instant checked, Instant now, long userId, Set<String> courses, Map<Long, Map<Long, Long>> access) {
        long checkedAt = checked.getEpochSecond();
        long lag = settings.cronLag().toSeconds();
        for (String c : courses) {
            long lastAccess = courseId(c)
                    .map(access::get)
                    .map(byUser -> byUser.getOrDefault(userId, 0L))
                    .orElse(0L);
            if (lastAccess == 0) {
                continue;
            }
            // >=: Moodle keeps seconds, so an access in the second of the check may have come after it
            if (lastAccess >= checkedAt || (lastAccess + lag > checkedAt && lastAccess + lag <= now.getEpochSecond())) {
                return true;
            }
        }
        return false;
    }

    private Map<Long, Long> lastAccessByUser(long courseId) {
        Map<Long, Long> byUser = new HashMap<>();
        for (EnrolledUser u : moodle.enrolledUsers(courseId)) {
            byUser.put(u.getId(), u.getLastcourseaccess() == null ? 0L : u.getLastcourseaccess());
        }
        return byUser;
    }

    /** One call per key, {@code parallelism} at a time; the first failure fails the poll, nothing is recorded. */
    private <K, V> Map<K, V> inParallel(Collection<K> keys, Function<K, V> call) {
        Map<K, V> results = new ConcurrentHashMap<>();
        if (keys.isEmpty()) {
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallelism(), keys.size()));
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (K key : keys) {
                calls.add(pool.submit(() -> results.put(key, call.apply(key))));
            }
            for (Future<?> f : calls) {
                f.get();
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("completion poll interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.util.Optional<Long> courseId(String id) {
        try {
            return java.util.Optional.of(Long.valueOf(id.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}

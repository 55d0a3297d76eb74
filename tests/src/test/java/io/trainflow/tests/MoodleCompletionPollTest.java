package io.trainflow.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.lms.CompletionPoll.Pair;
import io.trainflow.connectors.moodle.MoodleConnector;
import io.trainflow.connectors.moodle.completion.IncrementalCompletionPoll;
import io.trainflow.connectors.moodle.completion.JdbcCompletionChecks;
import io.trainflow.tests.moodle.MoodleLmsWiring;
import io.trainflow.tests.moodle.MoodleSite;
import io.trainflow.tests.moodle.WireMockMoodle;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The incremental completion poll against a WireMock Moodle: who is asked about, counted in
 * WireMock's journal, and that no completion is missed between the incremental polls and the sweep.
 */
class MoodleCompletionPollTest {

    private final EngineClock clock = new EngineClock();
    private final MoodleSite site = new MoodleSite();
    private final long alice = site.addUser("alice.martin", "Alice", "Martin").id();
    private final long bob = site.addUser("bob.durand", "Bob", "Durand").id();
    private final long carol = site.addUser("carol.petit", "Carol", "Petit").id();
    private final long python =
            site.addCourse("PY-AUTO", "Python for Automation").id();
    private final long sql =
            site.addCourse("SQL-101", "SQL and Relational Databases").id();
    private final WireMockMoodle moodle = WireMockMoodle.start(site);
    private final MoodleLmsWiring wiring = new MoodleLmsWiring(moodle);
    private final JdbcCompletionChecks store;
    private final Map<String, Set<String>> waiting =
            Map.of("alice.martin", courses(), "bob.durand", courses(), "carol.petit", courses());
    private IncrementalCompletionPoll poll;

    MoodleCompletionPollTest() {
        clock.set(SampleLifecycle.START);
        for (long user : new long[] {alice, bob, carol}) {
            site.enrol(user, python, 0, 0);
            site.enrol(user, sql, 0, 0);
        }
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:poll-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store = new JdbcCompletionChecks(db);
        poll = newPoll();
    }

    @AfterEach
    void close() {
        wiring.close();
        moodle.close();
    }

    @Test
    void aLearnerWhoDidNotOpenACourseIsNotCheckedAgain() {
        poll.completed(waiting);
        assertThat(checks()).as("everyone is new: checked once").isEqualTo(3);

        clock.advance(Duration.ofMinutes(5));
        poll.completed(waiting);
        assertThat(checks()).as("no access since: nobody checked again").isEqualTo(3);
        assertThat(moodle.calls("core_enrol_get_enrolled_users"))
                .as("one access list per course")
                .isEqualTo(2);
    }

    @Test
    void aLearnerWhoOpenedACourseIsChecked() {
        poll.completed(waiting);
        clock.advance(Duration.ofMinutes(2));
        site.access(alice, sql, now());
        clock.advance(Duration.ofMinutes(3));

        poll.completed(waiting);
        assertThat(checks()).isEqualTo(4);
        assertThat(moodle.forms("core_enrol_get_users_courses"))
                .last()
                .satisfies(f -> assertThat(f).containsEntry("userid", String.valueOf(alice)));
    }

    @Test
    void theSweepChecksEveryoneAgain() {
        poll.completed(waiting);
        clock.advance(Duration.ofHours(23));
        poll.completed(waiting);
        assertThat(checks()).isEqualTo(3);

        clock.advance(Duration.ofHours(1));
        poll.completed(waiting);
        assertThat(checks()).as("a day after their last check, all are checked").isEqualTo(6);
        assertThat(moodle.calls("core_enrol_get_enrolled_users"))
                .as("no access list needed when every waiting learner is checked anyway")
                .isEqualTo(2);
    }

    @Test
    void noCompletionIsMissedAcrossIncrementalPollsAndTheSweep() {
        poll.completed(waiting);
        // alice works on Python; Moodle's completion task marks it complete 40 minutes later
        clock.advance(Duration.ofMinutes(1));
        site.access(alice, python, now());
        long aliceDoneAt = now() + Duration.ofMinutes(40).toSeconds();
        // a teacher marks carol's SQL course complete; carol never opens it
        long carolDoneAt = now() + Duration.ofHours(3).toSeconds();
        Long aliceFound = null;
        Long carolFound = null;
        for (int i = 0; i < 12 * 25 && carolFound == null; i++) { // a poll every 5 minutes for 25 hours
            clock.advance(Duration.ofMinutes(5));
            if (now() >= aliceDoneAt) {
                site.complete(alice, python, aliceDoneAt);
            }
            if (now() >= carolDoneAt) {
                site.complete(carol, sql, carolDoneAt);
            }
            Set<Pair> done = poll.completed(waiting);
            if (aliceFound == null && done.contains(new Pair("alice.martin", String.valueOf(python)))) {
                aliceFound = now();
            }
            if (done.contains(new Pair("carol.petit", String.valueOf(sql)))) {
                carolFound = now();
            }
        }
        assertThat(aliceFound)
                .as("found once the completion task's lag after her access has passed")
                .isNotNull()
                .isLessThanOrEqualTo(aliceDoneAt
                        - Duration.ofMinutes(40).toSeconds()
                        + Duration.ofHours(1).toSeconds()
                        + Duration.ofMinutes(5).toSeconds());
        assertThat(carolFound)
                .as("a completion without any access is found by the daily sweep")
                .isNotNull();
        assertThat(moodle.forms("core_enrol_get_users_courses"))
                .filteredOn(f -> f.get("userid").equals(String.valueOf(alice)))
                .as("alice: at the first poll, after her access, once the lag has passed; no more")
                .hasSize(3);
        assertThat(poll.completed(waiting))
                .as("completions stay reported until the process moves on")
                .contains(
                        new Pair("alice.martin", String.valueOf(python)), new Pair("carol.petit", String.valueOf(sql)));
    }

    @Test
    void aRestartDoesNotCheckEveryoneAgain() {
        poll.completed(waiting);
        clock.advance(Duration.ofMinutes(5));
        poll = newPoll(); // a new process: new connector caches, same database
        poll.completed(waiting);
        assertThat(checks()).isEqualTo(3);
    }

    private IncrementalCompletionPoll newPoll() {
        MoodleConnector connector = wiring.connector();
        return new IncrementalCompletionPoll(
                connector.calls(),
                connector.lms(),
                store,
                clock,
                new IncrementalCompletionPoll.Settings(Duration.ofHours(1), Duration.ofDays(1), 2));
    }

    private int checks() {
        return moodle.calls("core_enrol_get_users_courses");
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private Set<String> courses() {
        return Set.of(String.valueOf(python), String.valueOf(sql));
    }
}

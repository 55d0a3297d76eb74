package io.trainflow.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.tests.moodle.MoodleSite;
import io.trainflow.tests.moodle.WireMockMoodle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Moodle on a loopback WireMock in the harness's JVM (so it outlives every kill of the application), answering from
 * a {@link MoodleSite} on the recorded answers' shapes. A learner completes, in Moodle, every course Trainflow
 * enrolled them in; the application's completion poll finds it. Its request journal is what Trainflow wrote.
 */
final class MoodleLearners implements Learners {

    private static final String ENROL = "enrol_manual_enrol_users";
    private final WireMockMoodle moodle;
    private final MoodleSite site;

    MoodleLearners(WireMockMoodle moodle) {
        this.moodle = moodle;
        this.site = moodle.site();
    }

    @Override
    public Map<String, String> env() {
        // completion lag 1 s: the harness's Moodle marks completion at once (a real one's task runs each minute)
        return Map.of(
                "TRAINFLOW_LMS_TYPE",
                "moodle",
                "TRAINFLOW_MOODLE_URL",
                moodle.baseUrl(),
                "TRAINFLOW_MOODLE_TOKEN",
                WireMockMoodle.TOKEN,
                "TRAINFLOW_MOODLE_COMPLETION_LAG",
                "PT1S");
    }

    @Override
    public void attach(AppProcess app, KillPlan plan) {
        moodle.afterEach(function -> {
            if (app.armed() && plan.onMoodleCall(function)) {
                // dead before Moodle's answer leaves: Moodle did it, Trainflow never heard
                app.killNow();
                try {
                    app.awaitDeath();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    @Override
    public boolean progress(Api api, String username, Runnable synced) {
        long user = site.user(username).orElseThrow().id();
        long now = site.now().getEpochSecond();
        boolean changed = false;
        for (long course : enrolledByTrainflow(user)) {
            if (site.completedAt(user, course).isEmpty()) {
                site.access(user, course, now);
                site.grade(user, course, 88);
                site.complete(user, course, now);
                changed = true;
            }
        }
        return changed;
    }

    @Override
    public void clockAt(Instant now) {
        site.setNow(now);
    }

    @Override
    public void assertWritesOnce(Afterwards db) {
        List<String> messages = assertNoWriteTwice();
        for (String learner : List.of("alice.martin", "manon.boyer")) {
            assertThat(messages.stream().filter(m -> m.startsWith(learner + ": You are enrolled")))
                    .as(learner + " told once that they are enrolled")
                    .hasSize(1);
            assertThat(enrolledByTrainflow(learner))
                    .as(learner + " enrolled in Moodle")
                    .isNotEmpty();
        }
    }

    /**
     * Moodle's journal holds no enrolment, calendar event or message written twice; returns the messages sent, each as
     * {@code username: text}.
     */
    List<String> assertNoWriteTwice() {
        List<String> enrolments = new ArrayList<>();
        for (Map<String, String> form : moodle.forms(ENROL)) {
            for (int i = 0; form.containsKey("enrolments[" + i + "][userid]"); i++) {
                enrolments.add(user(form.get("enrolments[" + i + "][userid]")) + " in course "
                        + form.get("enrolments[" + i + "][courseid]"));
            }
        }
        assertThat(enrolments).as("Moodle enrolments written").isNotEmpty();
        assertThat(Afterwards.duplicates(enrolments))
                .as(ENROL + ": a learner enrolled twice in a course")
                .isEmpty();
        assertThat(moodle.calendarEvents()).as("calendar events created").isNotEmpty();
        assertThat(Afterwards.duplicates(moodle.calendarEvents()))
                .as("core_calendar_create_calendar_events: one event created twice")
                .isEmpty();
        // Moodle answers core_message_get_messages truthfully here, so a re-run that asked first never resends
        List<String> messages = new ArrayList<>();
        for (Map<String, String> form : moodle.forms("core_message_send_instant_messages")) {
            for (int i = 0; form.containsKey("messages[" + i + "][touserid]"); i++) {
                messages.add(
                        user(form.get("messages[" + i + "][touserid]")) + ": " + form.get("messages[" + i + "][text]"));
            }
        }
        assertThat(Afterwards.duplicates(messages))
                .as("core_message_send_instant_messages: the same message twice to one person")
                .isEmpty();
        return messages;
    }

    /** How many people the journal shows Trainflow enrolled. */
    long enrolledUsers() {
        return moodle.forms(ENROL).stream()
                .flatMap(form -> form.entrySet().stream())
                .filter(e -> e.getKey().endsWith("][userid]"))
                .map(Map.Entry::getValue)
                .distinct()
                .count();
    }

    /** Courses the journal shows Trainflow enrolled the user in. */
    List<Long> enrolledByTrainflow(String username) {
        return enrolledByTrainflow(site.user(username).orElseThrow().id());
    }

    /** Courses the journal shows Trainflow enrolled the user in. */
    private List<Long> enrolledByTrainflow(long user) {
        List<Long> courses = new ArrayList<>();
        for (Map<String, String> form : moodle.forms(ENROL)) {
            for (int i = 0; form.containsKey("enrolments[" + i + "][userid]"); i++) {
                long course = Long.parseLong(form.get("enrolments[" + i + "][courseid]"));
                if (Long.parseLong(form.get("enrolments[" + i + "][userid]")) == user && !courses.contains(course)) {
                    courses.add(course);
                }
            }
        }
        return courses;
    }

    private String user(String id) {
        return site.user(Long.parseLong(id)).map(MoodleSite.User::username).orElse("user " + id);
    }
}

package io.trainflow.tests.parity;

import io.trainflow.tests.moodle.MoodleSite;
import io.trainflow.tests.moodle.WireMockMoodle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What Trainflow asked the WireMock Moodle to do, per person: the connector calls the targets must agree on. */
final class MoodleJournal {

    private final WireMockMoodle moodle;
    private final MoodleSite site;

    MoodleJournal(WireMockMoodle moodle) {
        this.moodle = moodle;
        this.site = moodle.site();
    }

    /** Shortnames of the courses Moodle was asked to enrol the user in, one per enrolment written, sorted. */
    List<String> enrolments(String username) {
        long user = site.user(username).orElseThrow().id();
        List<String> courses = new ArrayList<>();
        for (Map<String, String> form : moodle.forms("enrol_manual_enrol_users")) {
            for (int i = 0; form.containsKey("enrolments[" + i + "][userid]"); i++) {
                if (Long.parseLong(form.get("enrolments[" + i + "][userid]")) == user) {
                    long course = Long.parseLong(form.get("enrolments[" + i + "][courseid]"));
                    courses.add(site.course(course).orElseThrow().shortname());
                }
            }
        }
        return courses.stream().sorted().toList();
    }

    /** Texts of the instant messages sent to the user. */
    List<String> messagesTo(String username) {
        String user = String.valueOf(site.user(username).orElseThrow().id());
        List<String> texts = new ArrayList<>();
        for (Map<String, String> form : moodle.forms("core_message_send_instant_messages")) {
            for (int i = 0; form.containsKey("messages[" + i + "][touserid]"); i++) {
                if (form.get("messages[" + i + "][touserid]").equals(user)) {
                    texts.add(form.get("messages[" + i + "][text]"));
                }
            }
        }
        return texts;
    }

    /** The learner works through every course Trainflow enrolled them in; Moodle marks each complete, graded. */
    void completeAllCourses(String username) {
        long user = site.user(username).orElseThrow().id();
        long now = site.now().getEpochSecond();
        for (String shortname : enrolments(username)) {
            long course = site.course(shortname).orElseThrow().id();
            if (site.completedAt(user, course).isEmpty()) {
                site.access(user, course, now);
                site.grade(user, course, 88);
                site.complete(user, course, now);
            }
        }
    }
}

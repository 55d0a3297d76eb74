package io.trainflow.tests.moodle;

import io.trainflow.connectors.hcm.Department;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.CourseGrade;
import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.sample.InMemorySampleState;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.tests.SampleLifecycle;
import io.trainflow.workflows.engine.flowable.EngineClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Moodle site holding what the sample organisation's LMS holds: every employee a user, every
 * catalogue course a Moodle course with the same shortname (under Moodle's own ids, so the
 * catalogue-to-Moodle mapping is exercised), and each learner's history of enrolments,
 * completions and grades.
 */
public final class SampleMoodleSite {

    private SampleMoodleSite() {}

    /** The site as the sample organisation's history stands at {@link SampleLifecycle#START}. */
    public static MoodleSite atLifecycleStart() {
        EngineClock clock = new EngineClock();
        clock.set(SampleLifecycle.START);
        return of(SampleOrganisation.fromClasspath(clock, new InMemorySampleState()));
    }

    public static MoodleSite of(SampleOrganisation org) {
        MoodleSite site = new MoodleSite();
        Map<String, MoodleSite.Course> byCatalogueId = new LinkedHashMap<>();
        for (Course c : org.lms().courses()) {
            byCatalogueId.put(c.id(), site.addCourse(c.shortname(), c.fullname()));
        }
        Map<String, Employee> people = new LinkedHashMap<>();
        for (Department d : org.hcm().departments()) {
            org.hcm().employees(d.id()).forEach(e -> people.putIfAbsent(e.username(), e));
        }
        LmsPort lms = org.lms();
        for (Employee e : people.values()) {
            long userId =
                    site.addUser(e.username(), e.firstName(), e.lastName()).id();
            List<Enrolment> enrolments = lms.enrolments(e.username());
            for (Enrolment en : enrolments) {
                MoodleSite.Course c = byCatalogueId.get(en.courseId());
                site.enrol(userId, c.id(), epoch(en.start()), epoch(en.end()));
                if (en.lastAccess() != null) {
                    site.access(userId, c.id(), en.lastAccess().getEpochSecond());
                }
            }
            List<String> courseIds =
                    enrolments.stream().map(Enrolment::courseId).toList();
            for (CompletionStatus s : lms.completionStatus(List.of(e.username()), courseIds)) {
                if (s.completed()) {
                    site.complete(
                            userId,
                            byCatalogueId.get(s.courseId()).id(),
                            s.completedAt() == null ? 0 : s.completedAt().getEpochSecond());
                }
            }
            for (CourseGrade g : lms.grades(e.username(), courseIds)) {
                site.grade(userId, byCatalogueId.get(g.courseId()).id(), g.grade());
            }
        }
        return site;
    }

    private static long epoch(Instant t) {
        return t == null ? 0 : t.getEpochSecond();
    }
}

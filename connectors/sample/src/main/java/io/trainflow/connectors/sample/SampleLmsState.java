package io.trainflow.connectors.sample;

import io.trainflow.connectors.lms.CalendarEvent;
import io.trainflow.connectors.lms.CourseGrade;
import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.connectors.lms.FeedbackResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything that happened in the sample LMS, stored as one JSON document. */
final class SampleLmsState {

    record Completion(String username, String courseId, Instant completedAt) {}

    record StoredEvent(String id, CalendarEvent event) {}

    public List<Enrolment> enrolments = new ArrayList<>();
    public List<Completion> completions = new ArrayList<>();
    public List<CourseGrade> grades = new ArrayList<>();
    public List<FeedbackResponse> feedback = new ArrayList<>();
    public List<StoredEvent> events = new ArrayList<>();
    public List<SampleLms.SentMessage> messages = new ArrayList<>();
    public long nextId = 1;

    Optional<Enrolment> enrolment(String username, String courseId) {
        return enrolments.stream()
                .filter(e -> e.username().equals(username) && e.courseId().equals(courseId))
                .findFirst();
    }

    void putEnrolment(Enrolment enrolment) {
        enrolments.removeIf(
                e -> e.username().equals(enrolment.username()) && e.courseId().equals(enrolment.courseId()));
        enrolments.add(enrolment);
    }

    Optional<Instant> completedAt(String username, String courseId) {
        return completions.stream()
                .filter(c -> c.username().equals(username) && c.courseId().equals(courseId))
                .map(Completion::completedAt)
                .findFirst();
    }

    /** The state before anything happened: the history file, dated back from the day of loading. */
    static SampleLmsState initial(SampleData.LmsHistory history, Instant loaded) {
        SampleLmsState s = new SampleLmsState();
        for (SampleData.PastCompletion p : history.history()) {
            Instant done = loaded.minus(java.time.Duration.ofDays(p.completedDaysAgo()));
            s.enrolments.add(
                    new Enrolment(p.username(), p.courseId(), done.minus(java.time.Duration.ofDays(30)), null, done));
            s.completions.add(new Completion(p.username(), p.courseId(), done));
            s.grades.add(new CourseGrade(p.username(), p.courseId(), p.grade(), p.gradeMax(), p.gradePass()));
            s.feedback.add(new FeedbackResponse(p.courseId(), p.username(), p.score(), p.comment(), done));
        }
        return s;
    }
}

package io.trainflow.connectors.sample;

import io.trainflow.connectors.error.PortBusinessException;
import io.trainflow.connectors.jdbc.Json;
import io.trainflow.connectors.lms.CalendarEvent;
import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.CourseGrade;
import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.connectors.lms.EnrolmentRefusedException;
import io.trainflow.connectors.lms.FeedbackResponse;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.lms.MessageReceipt;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The sample LMS: courses from {@code catalogue.json}, users from {@code organisation.json},
 * past completions from {@code lms-history.json}; everything learners and Trainflow do since
 * is kept in {@link SampleState} (see {@link SampleLmsState}).
 */
public class SampleLms implements LmsPort {

    static final String STATE_KEY = "lms";

    /** A message as the learner would see it in the LMS. */
    public record SentMessage(long msgId, String toUsername, String text, String clientMsgId, Instant sentAt) {}

    private static final List<String> COMMENTS = List.of(
            "Very practical, the hands-on exercises helped a lot.",
            "Good content but the pace was too fast for me.",
            "The trainer explained complex topics clearly.",
            "More examples from our own systems would help.",
            "Useful for my daily work, I already applied it.",
            "Too much theory and not enough practice.",
            "Clear structure and good practical examples.",
            "The exercises were practical and well prepared.");

    private final List<Course> courses;
    private final Set<String> usernames;
    private final Clock clock;
    private final SampleState store;
    private final SampleLmsState state;

    SampleLms(List<Course> courses, Set<String> usernames, Clock clock, SampleState store, SampleLmsState initial) {
        this.courses = List.copyOf(courses);
        this.usernames = Set.copyOf(usernames);
        this.clock = clock;
        this.store = store;
        this.state = store.load(STATE_KEY)
                .map(json -> Json.read(json, SampleLmsState.class))
                .orElse(initial);
    }

    @Override
    public List<Course> courses() {
        return courses;
    }

    @Override
    public List<Course> courses(Collection<String> courseIds) {
        return courses.stream().filter(c -> courseIds.contains(c.id())).toList();
    }

    @Override
    public synchronized List<Enrolment> enrolments(String username) {
        return state.enrolments.stream()
                .filter(e -> e.username().equals(username))
                .sorted(Comparator.comparing(Enrolment::start).thenComparing(Enrolment::courseId))
                .toList();
    }

    @Override
    public synchronized Enrolment enrol(String username, String courseId, Instant start, Instant end) {
        if (!usernames.contains(username)) {
            // as with Moodle: a missing account is the administrator's to fix, not a refusal to tell the learner
            throw new PortBusinessException(
                    "LMS",
                    "nouser",
                    PortBusinessException.Kind.CONFIGURATION,
                    "no LMS user " + username + ": create the account, then retry");
        }
        if (courses.stream().noneMatch(c -> c.id().equals(courseId))) {
            throw new EnrolmentRefusedException("no LMS course " + courseId);
        }
        // like enrol_manual_enrol_users: enrolling again only updates the period
        Optional<Enrolment> existing = state.enrolment(username, courseId);
        Enrolment enrolment = new Enrolment(
                username,
                courseId,
                start,
                end,
                existing.map(Enrolment::lastAccess).orElse(null));
        state.putEnrolment(enrolment);
        save();
        return enrolment;
    }

    @Override
    public synchronized Enrolment extendEnrolment(String username, String courseId, Instant newEnd) {
        Enrolment e = state.enrolment(username, courseId)
                .orElseThrow(() -> new EnrolmentRefusedException(username + " is not enrolled in course " + courseId));
        Enrolment extended = new Enrolment(username, courseId, e.start(), newEnd, e.lastAccess());
        state.putEnrolment(extended);
        save();
        return extended;
    }

    @Override
    public synchronized List<CompletionStatus> completionStatus(
            Collection<String> users, Collection<String> courseIds) {
        return users.stream()
                .flatMap(u -> courseIds.stream().map(c -> {
                    Optional<Instant> done = state.completedAt(u, c);
                    return new CompletionStatus(
                            u, c, state.enrolment(u, c).isPresent(), done.isPresent(), done.orElse(null));
                }))
                .toList();
    }

    @Override
    public synchronized List<CourseGrade> grades(String username, Collection<String> courseIds) {
        return state.grades.stream()
                .filter(g -> g.username().equals(username) && courseIds.contains(g.courseId()))
                .toList();
    }

    @Override
    public synchronized List<FeedbackResponse> feedback(Collection<String> courseIds) {
        return state.feedback.stream()
                .filter(f -> courseIds.contains(f.courseId()))
                .toList();
    }

    @Override
    public synchronized List<String> createCalendarEvents(List<CalendarEvent> events) {
        List<String> ids = events.stream()
                .map(e -> state.events.stream()
                        .filter(x -> x.event().username().equals(e.username())
                                && Objects.equals(x.event().courseId(), e.courseId())
                                && x.event().name().equals(e.name())
                                && x.event().start().equals(e.start()))
                        .map(SampleLmsState.StoredEvent::id)
                        .findFirst()
                        .orElseGet(() -> {
                            String id = String.valueOf(state.nextId++);
                            state.events.add(new SampleLmsState.StoredEvent(id, e));
                            return id;
                        }))
                .toList();
        save();
        return ids;
    }

    @Override
    public synchronized MessageReceipt sendMessage(String toUsername, String text, String clientMsgId) {
        if (!usernames.contains(toUsername)) {
            // Moodle answers a message to an unknown user with msgid -1, not an exception
            return new MessageReceipt(
                    -1, clientMsgId, "You cannot send a message to a user (" + toUsername + ") that doesn't exist.");
        }
        long id = state.nextId++;
        state.messages.add(new SentMessage(id, toUsername, text, clientMsgId, clock.instant()));
        save();
        return new MessageReceipt(id, clientMsgId, null);
    }

    @Override
    public synchronized Optional<MessageReceipt> sentMessage(String toUsername, String clientMsgId) {
        return state.messages.stream()
                .filter(m -> m.toUsername().equals(toUsername) && Objects.equals(m.clientMsgId(), clientMsgId))
                .map(m -> new MessageReceipt(m.msgId(), clientMsgId, null))
                .findFirst();
    }

    /** Messages a learner received, oldest first. */
    public synchronized List<SentMessage> messagesTo(String username) {
        return state.messages.stream()
                .filter(m -> m.toUsername().equals(username))
                .toList();
    }

    /** Calendar events of one user. */
    public synchronized List<CalendarEvent> calendarEvents(String username) {
        return state.events.stream()
                .map(SampleLmsState.StoredEvent::event)
                .filter(e -> e.username().equals(username))
                .toList();
    }

    /**
     * Plays the learner: completes the next incomplete course of their enrolments (earliest start
     * first) with a grade and a feedback response, as if they had just finished it.
     *
     * @return the course completed, empty when nothing is left
     */
    public synchronized Optional<String> advanceProgress(String username) {
        Optional<Enrolment> next = enrolments(username).stream()
                .filter(e -> state.completedAt(username, e.courseId()).isEmpty())
                .findFirst();
        next.ifPresent(e -> {
            Instant now = clock.instant();
            int h = Math.abs((username + "/" + e.courseId()).hashCode());
            state.putEnrolment(new Enrolment(username, e.courseId(), e.start(), e.end(), now));
            state.completions.add(new SampleLmsState.Completion(username, e.courseId(), now));
            state.grades.removeIf(
                    g -> g.username().equals(username) && g.courseId().equals(e.courseId()));
            state.grades.add(new CourseGrade(username, e.courseId(), 55 + h % 46, 100, 60.0));
            state.feedback.add(new FeedbackResponse(
                    e.courseId(), username, 5 + (h / 7) % 6, COMMENTS.get((h / 13) % COMMENTS.size()), now));
            save();
        });
        return next.map(Enrolment::courseId);
    }

    private void save() {
        store.save(STATE_KEY, Json.write(state));
    }
}

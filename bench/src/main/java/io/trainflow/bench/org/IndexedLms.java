package io.trainflow.bench.org;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sample LMS's behaviour ({@code SampleLms}) on hash maps keyed by learner and course, so
 * every call is O(1) in the size of the organisation, except {@link #feedback}, whose contract
 * is every response to the courses (as Moodle answers it).
 */
final class IndexedLms implements LmsPort {

    private static final List<String> COMMENTS = List.of(
            "Very practical, the hands-on exercises helped a lot.",
            "Good content but the pace was too fast for me.",
            "The trainer explained complex topics clearly.",
            "Useful for my daily work, I already applied it.");

    private final List<Course> courses;
    private final Map<String, Course> courseById;
    private final Set<String> usernames;
    private final Clock clock;
    private final Map<String, Map<String, Enrolment>> enrolments = new ConcurrentHashMap<>();
    private final Map<String, Instant> completions = new ConcurrentHashMap<>();
    private final Map<String, CourseGrade> grades = new ConcurrentHashMap<>();
    private final Map<String, List<FeedbackResponse>> feedback = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    IndexedLms(List<Course> courses, Set<String> usernames, Clock clock) {
        this.courses = List.copyOf(courses);
        this.courseById = courses.stream().collect(Collectors.toMap(Course::id, Function.identity()));
        this.usernames = Set.copyOf(usernames);
        this.clock = clock;
    }

    private static String key(String username, String courseId) {
        return username + "|" + courseId;
    }

    @Override
    public List<Course> courses() {
        return courses;
    }

    @Override
    public List<Course> courses(Collection<String> courseIds) {
        return courseIds.stream()
                .distinct()
                .map(courseById::get)
                .filter(c -> c != null)
                .toList();
    }

    @Override
    public List<Enrolment> enrolments(String username) {
        return enrolments.getOrDefault(username, Map.of()).values().stream()
                .sorted(Comparator.comparing(Enrolment::start).thenComparing(Enrolment::courseId))
                .toList();
    }

    @Override
    public Enrolment enrol(String username, String courseId, Instant start, Instant end) {
        if (!usernames.contains(username) || !courseById.containsKey(courseId)) {
            throw new EnrolmentRefusedException("no LMS user " + username + " or course " + courseId);
        }
        Map<String, Enrolment> mine = enrolments.computeIfAbsent(username, k -> new ConcurrentHashMap<>());
        Enrolment existing = mine.get(courseId);
        Enrolment enrolment =
                new Enrolment(username, courseId, start, end, existing == null ? null : existing.lastAccess());
        mine.put(courseId, enrolment);
        return enrolment;
    }

    @Override
    public Enrolment extendEnrolment(String username, String courseId, Instant newEnd) {
        Enrolment e = enrolments.getOrDefault(username, Map.of()).get(courseId);
        if (e == null) {
            throw new EnrolmentRefusedException(username + " is not enrolled in course " + courseId);
        }
        Enrolment extended = new Enrolment(username, courseId, e.start(), newEnd, e.lastAccess());
        enrolments.get(username).put(courseId, extended);
        return extended;
    }

    @Override
    public List<CompletionStatus> completionStatus(Collection<String> users, Collection<String> courseIds) {
        List<CompletionStatus> statuses = new ArrayList<>();
        for (String u : users) {
            Map<String, Enrolment> mine = enrolments.getOrDefault(u, Map.of());
            for (String c : courseIds) {
                Instant done = completions.get(key(u, c));
                statuses.add(new CompletionStatus(u, c, mine.containsKey(c), done != null, done));
            }
        }
        return statuses;
    }

    @Override
    public List<CourseGrade> grades(String username, Collection<String> courseIds) {
        return courseIds.stream()
                .map(c -> grades.get(key(username, c)))
                .filter(g -> g != null)
                .toList();
    }

    @Override
    public List<FeedbackResponse> feedback(Collection<String> courseIds) {
        return courseIds.stream()
                .distinct()
                .flatMap(c -> feedback.getOrDefault(c, List.of()).stream())
                .toList();
    }

    @Override
    public List<String> createCalendarEvents(List<CalendarEvent> events) {
        return events.stream()
                .map(e -> String.valueOf(nextId.getAndIncrement()))
                .toList();
    }

    @Override
    public MessageReceipt sendMessage(String toUsername, String text, String clientMsgId) {
        if (!usernames.contains(toUsername)) {
            return new MessageReceipt(-1, clientMsgId, "no such user " + toUsername);
        }
        return new MessageReceipt(nextId.getAndIncrement(), clientMsgId, null);
    }

    /** Plays the learner, as {@code SampleLms.advanceProgress} does, for every course they are enrolled in. */
    void completeEverything(String username) {
        Instant now = clock.instant();
        for (Enrolment e : enrolments.getOrDefault(username, Map.of()).values()) {
            int h = Math.abs((username + "/" + e.courseId()).hashCode());
            enrolments.get(username).put(e.courseId(), new Enrolment(username, e.courseId(), e.start(), e.end(), now));
            completions.put(key(username, e.courseId()), now);
            grades.put(key(username, e.courseId()), new CourseGrade(username, e.courseId(), 55 + h % 46, 100, 60.0));
            feedback.computeIfAbsent(e.courseId(), k -> new CopyOnWriteArrayList<>())
                    .add(new FeedbackResponse(
                            e.courseId(), username, 5 + (h / 7) % 6, COMMENTS.get((h / 13) % COMMENTS.size()), now));
        }
    }
}

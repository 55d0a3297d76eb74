package io.trainflow.connectors.moodle.catalogue;

import io.trainflow.connectors.lms.CalendarEvent;
import io.trainflow.connectors.lms.CompletionStatus;
import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.CourseGrade;
import io.trainflow.connectors.lms.Enrolment;
import io.trainflow.connectors.lms.EnrolmentRefusedException;
import io.trainflow.connectors.lms.FeedbackResponse;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.connectors.lms.MessageReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The Moodle LMS seen with the catalogue's course ids, so process variables, the catalogue and
 * the handlers keep one id space. Ids go to Moodle translated and come back translated; Moodle
 * courses outside Trainflow's catalogue are left out of answers. A catalogue course with no
 * Moodle counterpart cannot be enrolled in (the refusal names its shortname).
 */
public final class CatalogueCourseLms implements LmsPort {

    private final LmsPort moodle;
    private final MoodleCourseIds ids;
    private final UnaryOperator<Supplier<List<String>>> oneNodeAtATime;

    public CatalogueCourseLms(LmsPort moodle, MoodleCourseIds ids) {
        this(moodle, ids, work -> work);
    }

    /**
     * @param oneNodeAtATime runs the calendar's look-then-create on one node of a cluster at a time (a course event
     *     is shared by a session's learners, whose steps may run on different nodes at once: each would find none
     *     and create one)
     */
    public CatalogueCourseLms(
            LmsPort moodle, MoodleCourseIds ids, UnaryOperator<Supplier<List<String>>> oneNodeAtATime) {
        this.moodle = moodle;
        this.ids = ids;
        this.oneNodeAtATime = oneNodeAtATime;
    }

    @Override
    public List<Course> courses() {
        return back(
                moodle.courses(),
                Course::id,
                (c, id) -> new Course(id, c.shortname(), c.fullname(), c.summary(), c.categoryId()));
    }

    @Override
    public List<Course> courses(Collection<String> courseIds) {
        return back(
                moodle.courses(toMoodle(courseIds)),
                Course::id,
                (c, id) -> new Course(id, c.shortname(), c.fullname(), c.summary(), c.categoryId()));
    }

    @Override
    public List<Enrolment> enrolments(String username) {
        return back(
                moodle.enrolments(username),
                Enrolment::courseId,
                (e, id) -> new Enrolment(e.username(), id, e.start(), e.end(), e.lastAccess()));
    }

    @Override
    public Enrolment enrol(String username, String courseId, Instant start, Instant end) {
        Enrolment e = moodle.enrol(username, required(courseId), start, end);
        return new Enrolment(e.username(), courseId, e.start(), e.end(), e.lastAccess());
    }

    @Override
    public Enrolment extendEnrolment(String username, String courseId, Instant newEnd) {
        Enrolment e = moodle.extendEnrolment(username, required(courseId), newEnd);
        return new Enrolment(e.username(), courseId, e.start(), e.end(), e.lastAccess());
    }

    /** Pairs with a course Moodle does not have come back as not enrolled, as the port promises. */
    @Override
    public List<CompletionStatus> completionStatus(Collection<String> usernames, Collection<String> courseIds) {
        Map<String, CompletionStatus> found = back(
                        moodle.completionStatus(usernames, toMoodle(courseIds)),
                        CompletionStatus::courseId,
                        (s, id) -> new CompletionStatus(s.username(), id, s.enrolled(), s.completed(), s.completedAt()))
                .stream()
                .collect(Collectors.toMap(s -> s.username() + "|" + s.courseId(), Function.identity(), (a, b) -> a));
        List<CompletionStatus> result = new ArrayList<>();
        for (String u : usernames) {
            for (String c : courseIds) {
                result.add(found.getOrDefault(u + "|" + c, new CompletionStatus(u, c, false, false, null)));
            }
        }
        return result;
    }

    @Override
    public List<CourseGrade> grades(String username, Collection<String> courseIds) {
        return back(
                moodle.grades(username, toMoodle(courseIds)),
                CourseGrade::courseId,
                (g, id) -> new CourseGrade(g.username(), id, g.grade(), g.gradeMax(), g.gradePass()));
    }

    @Override
    public List<FeedbackResponse> feedback(Collection<String> courseIds) {
        return back(
                moodle.feedback(toMoodle(courseIds)),
                FeedbackResponse::courseId,
                (f, id) -> new FeedbackResponse(id, f.username(), f.score(), f.comment(), f.submittedAt()));
    }

    @Override
    public List<String> createCalendarEvents(List<CalendarEvent> events) {
        return oneNodeAtATime.apply(() -> createCalendarEventsHere(events)).get();
    }

    private List<String> createCalendarEventsHere(List<CalendarEvent> events) {
        return moodle.createCalendarEvents(events.stream()
                .map(e -> e.courseId() == null
                        ? e
                        : new CalendarEvent(
                                e.username(),
                                required(e.courseId()),
                                e.name(),
                                e.description(),
                                e.start(),
                                e.duration()))
                .toList());
    }

    @Override
    public MessageReceipt sendMessage(String toUsername, String text, String clientMsgId) {
        return moodle.sendMessage(toUsername, text, clientMsgId);
    }

    @Override
    public Optional<MessageReceipt> sentMessage(String toUsername, String clientMsgId) {
        return moodle.sentMessage(toUsername, clientMsgId);
    }

    @Override
    public Optional<MessageReceipt> sentMessage(
            String toUsername, String clientMsgId, String text, java.time.Instant since) {
        return moodle.sentMessage(toUsername, clientMsgId, text, since);
    }

    private List<String> toMoodle(Collection<String> courseIds) {
        return courseIds.stream()
                .map(ids::moodleId)
                .flatMap(Optional::stream)
                .map(String::valueOf)
                .toList();
    }

    private String required(String courseId) {
        return ids.moodleId(courseId)
                .map(String::valueOf)
                .orElseThrow(() -> new EnrolmentRefusedException(
                        "catalogue course " + courseId + " has no Moodle course with shortname '"
                                + ids.shortname(courseId) + "' (core_course_get_courses_by_field)"));
    }

    /** Rewrites Moodle course ids to catalogue ids, leaving out courses outside the catalogue. */
    private <T> List<T> back(
            List<T> items, Function<T, String> courseId, java.util.function.BiFunction<T, String, T> withId) {
        List<T> result = new ArrayList<>();
        for (T item : items) {
            ids.catalogueId(Long.parseLong(courseId.apply(item))).ifPresent(id -> result.add(withId.apply(item, id)));
        }
        return result;
    }
}

package io.trainflow.tests.moodle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Moodle site knows, for the WireMock Moodle to answer from: users, courses, manual
 * enrolments, each learner's last access to each course, course completions and course grades.
 * Tests and benchmarks change it as a learner or a teacher would in Moodle; the web-service
 * answers change with it. Thread-safe (WireMock serves on many threads).
 */
public final class MoodleSite {

    public record User(long id, String username, String firstname, String lastname) {}

    public record Course(long id, String shortname, String fullname) {}

    public record Enrolment(long userId, long courseId, long timestart, long timeend) {}

    /** An instant message as Moodle keeps it (core_message_get_messages lists these). */
    public record Message(long id, long fromUserId, long toUserId, String text, long timecreated) {}

    private final Map<Long, User> users = new LinkedHashMap<>();
    private final Map<String, User> byUsername = new HashMap<>();
    private final Map<Long, Course> courses = new LinkedHashMap<>();
    private final Map<String, Enrolment> enrolments = new LinkedHashMap<>();
    private final Map<String, Long> lastAccess = new HashMap<>();
    private final Map<String, Long> completedAt = new HashMap<>();
    private final Map<String, Double> grades = new HashMap<>();
    private long nextUser = 5; // ids as on the recorded site: 1 guest, 2 admin, 3 the token's user
    private long nextCourse = 2; // 1 is the site course
    private long nextId = 1;
    private final List<Message> messages = new ArrayList<>();
    /** The site's clock against real time: moved with Trainflow's demo clock so both live in the same time. */
    private java.time.Duration offset = java.time.Duration.ZERO;

    public synchronized User addUser(String username, String firstname, String lastname) {
        User u = new User(nextUser++, username, firstname, lastname);
        users.put(u.id(), u);
        byUsername.put(username, u);
        return u;
    }

    public synchronized Course addCourse(String shortname, String fullname) {
        Course c = new Course(nextCourse++, shortname, fullname);
        courses.put(c.id(), c);
        return c;
    }

    public synchronized Optional<User> user(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    public synchronized Optional<User> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    public synchronized Optional<Course> course(long id) {
        return Optional.ofNullable(courses.get(id));
    }

    public synchronized Optional<Course> course(String shortname) {
        return courses.values().stream()
                .filter(c -> c.shortname().equals(shortname))
                .findFirst();
    }

    public synchronized List<Course> courses() {
        return List.copyOf(courses.values());
    }

    /** enrol_manual_enrol_users: a new enrolment, or a new period for an existing one. */
    public synchronized void enrol(long userId, long courseId, long timestart, long timeend) {
        enrolments.put(key(userId, courseId), new Enrolment(userId, courseId, timestart, timeend));
    }

    public synchronized List<Enrolment> enrolmentsOf(long userId) {
        return enrolments.values().stream().filter(e -> e.userId() == userId).toList();
    }

    public synchronized List<Enrolment> enrolmentsIn(long courseId) {
        return enrolments.values().stream()
                .filter(e -> e.courseId() == courseId)
                .toList();
    }

    public synchronized boolean enrolled(long userId, long courseId) {
        return enrolments.containsKey(key(userId, courseId));
    }

    /** The learner opens the course (Moodle's user_lastaccess). */
    public synchronized void access(long userId, long courseId, long epochSecond) {
        lastAccess.put(key(userId, courseId), epochSecond);
    }

    public synchronized long lastAccess(long userId, long courseId) {
        return lastAccess.getOrDefault(key(userId, courseId), 0L);
    }

    /** Moodle's completion task marks the course complete (or a teacher does). */
    public synchronized void complete(long userId, long courseId, long epochSecond) {
        completedAt.put(key(userId, courseId), epochSecond);
    }

    public synchronized Optional<Long> completedAt(long userId, long courseId) {
        return Optional.ofNullable(completedAt.get(key(userId, courseId)));
    }

    public synchronized void grade(long userId, long courseId, double grade) {
        grades.put(key(userId, courseId), grade);
    }

    public synchronized Optional<Double> grade(long userId, long courseId) {
        return Optional.ofNullable(grades.get(key(userId, courseId)));
    }

    /** Ids for created calendar events and messages. */
    public synchronized long nextId() {
        return nextId++;
    }

    /** Now on the site's clock (real time plus the offset {@link #setNow} set). */
    public synchronized java.time.Instant now() {
        return java.time.Instant.now().plus(offset);
    }

    /** Sets the site's clock to {@code now} (from here it runs on), as a demo's time travel moves Trainflow's. */
    public synchronized void setNow(java.time.Instant now) {
        offset = java.time.Duration.between(java.time.Instant.now(), now);
    }

    /** core_message_send_instant_messages: the message is kept, created now. */
    public synchronized Message send(long fromUserId, long toUserId, String text) {
        Message m = new Message(nextId(), fromUserId, toUserId, text, now().getEpochSecond());
        messages.add(m);
        return m;
    }

    /** Messages from one user to another, newest first. */
    public synchronized List<Message> messages(long fromUserId, long toUserId) {
        List<Message> found = new ArrayList<>(messages.stream()
                .filter(m -> m.fromUserId() == fromUserId && m.toUserId() == toUserId)
                .toList());
        java.util.Collections.reverse(found);
        return found;
    }

    /** Every enrolment's user and course, for scenarios that set up many at once. */
    public synchronized Map<Long, List<Long>> coursesByUser() {
        Map<Long, List<Long>> result = new LinkedHashMap<>();
        enrolments
                .values()
                .forEach(e -> result.computeIfAbsent(e.userId(), u -> new ArrayList<>())
                        .add(e.courseId()));
        return result;
    }

    private static String key(long userId, long courseId) {
        return userId + "|" + courseId;
    }
}

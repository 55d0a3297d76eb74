package io.trainflow.connectors.moodle;

import io.trainflow.connectors.lms.*;
import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import io.trainflow.connectors.moodle.error.MoodleCapabilities;
import io.trainflow.connectors.moodle.model.*;
import io.trainflow.connectors.moodle.route.MoodleRoutes;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;

/**
 * {@link LmsPort} on a Moodle 4.5+ site, as a typed facade over the Camel routes. Learners are
 * Moodle usernames, resolved to Moodle's numeric ids once and cached (ids never change).
 */
public class MoodleLms implements LmsPort {

    /** Usernames per core_user_get_users_by_field call: keeps the form well under PHP's max_input_vars (1000). */
    static final int USERS_PER_CALL = 100;

    private final MoodleCalls moodle;
    private final MoodleConfig config;
    private final Map<String, Long> userIds = new ConcurrentHashMap<>();
    private final MoodleCalendar calendar;
    private final MoodleFeedback feedback;
    /** Completion is final in Moodle, so a completion date once read is never asked for again. */
    private final Map<String, Instant> completionDates = new ConcurrentHashMap<>();

    public MoodleLms(ProducerTemplate template, MoodleConfig config) {
        this(new MoodleCalls(template), config);
    }

    public MoodleLms(MoodleCalls moodle, MoodleConfig config) {
        this.moodle = moodle;
        this.config = config;
        this.calendar = new MoodleCalendar(moodle);
        this.feedback = new MoodleFeedback(moodle);
    }

    @Override
    public List<Course> courses() {
        return moodle.courses(List.of()).stream()
                .filter(c -> !"site".equals(c.getFormat()) && !Objects.equals(c.getVisible(), 0))
                .map(MoodleLms::course)
                .toList();
    }

    @Override
    public List<Course> courses(Collection<String> courseIds) {
        List<Long> ids =
                courseIds.stream().map(MoodleLms::id).filter(Objects::nonNull).toList();
        return ids.isEmpty()
                ? List.of()
                : moodle.courses(ids).stream().map(MoodleLms::course).toList();
    }

    @Override
    public List<Enrolment> enrolments(String username) {
        Long userId = userId(username).orElse(null);
        if (userId == null) {
            return List.of();
        }
        // core_enrol_get_users_courses does not return the enrolment period, only the last access
        return moodle.usersCourses(MoodleRoutes.ENROL, userId).stream()
                .map(c -> new Enrolment(username, String.valueOf(c.getId()), null, null, instant(c.getLastaccess())))
                .toList();
    }

    /**
     * Check, then act: a learner Moodle already lists in the course is left alone (no write), so a
     * step replayed after a crash between Moodle's write and the engine's commit enrols once.
     * core_enrol_get_users_courses lists active enrolments only and does not show their period,
     * so an existing enrolment keeps its period; {@link #extendEnrolment} moves it.
     */
    @Override
    public Enrolment enrol(String username, String courseId, Instant start, Instant end) {
        long userId = knownUser(username);
        Optional<Enrolment> existing = enrolments(username).stream()
                .filter(e -> e.courseId().equals(courseId))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        write(userId, courseId, start, end); // a no-op in Moodle for an identical enrolment (fixture)
        return new Enrolment(
                username,
                courseId,
                start,
                end,
                existing.map(Enrolment::lastAccess).orElse(null));
    }

    @Override
    public Enrolment extendEnrolment(String username, String courseId, Instant newEnd) {
        long userId = knownUser(username);
        Enrolment existing = enrolments(username).stream()
                .filter(e -> e.courseId().equals(courseId))
                .findFirst()
                .orElseThrow(() -> new EnrolmentRefusedException(username + " is not enrolled in course " + courseId));
        write(userId, courseId, existing.start(), newEnd);
        return new Enrolment(username, courseId, existing.start(), newEnd, existing.lastAccess());
    }

    private void write(long userId, String courseId, Instant start, Instant end) {
        Long course = id(courseId);
        if (course == null) {
            throw new EnrolmentRefusedException("not a Moodle course id: " + courseId);
        }
        ManualEnrolment enrolment = new ManualEnrolment()
                .roleid(config.studentRoleId())
                .userid(userId)
                .courseid(course)
                .timestart(epoch(start))
                .timeend(epoch(end));
        try {
            moodle.enrol(List.of(enrolment));
        } catch (MoodleBusinessException.InvalidParameter | MoodleBusinessException.NoSuchRecord e) {
            // Moodle reports an unknown course as invalidparameter (fixture error-nonexistent-course)
            throw new EnrolmentRefusedException(
                    "Moodle refused enrolment in course " + courseId + ": " + e.getMessage());
        }
    }

    /**
     * Bulk poll: usernames resolved 100 per call (once, then cached), one core_enrol_get_users_courses
     * per learner answers enrolment and the completed flag for all of that learner's courses at
     * once; the completion date is asked for only for completed pairs, once
     * (core_completion_get_course_completion_status). Moodle 4.5 has no web-service function that
     * reports course completion for many users, so one call per learner is the floor.
     */
    @Override
    public List<CompletionStatus> completionStatus(Collection<String> usernames, Collection<String> courseIds) {
        resolveUsers(usernames);
        List<CompletionStatus> result = new ArrayList<>();
        for (String username : usernames) {
            Long userId = userIds.get(username); // resolved above; absent: Moodle has no such user
            Map<String, UserCourse> enrolled = userId == null
                    ? Map.of()
                    : moodle.usersCourses(MoodleRoutes.COMPLETION, userId).stream()
                            .collect(Collectors.toMap(c -> String.valueOf(c.getId()), Function.identity()));
            for (String courseId : courseIds) {
                UserCourse c = enrolled.get(courseId);
                boolean completed = c != null && Boolean.TRUE.equals(c.getCompleted());
                result.add(new CompletionStatus(
                        username, courseId, c != null, completed, completed ? completedAt(c.getId(), userId) : null));
            }
        }
        return result;
    }

    private Instant completedAt(long courseId, long userId) {
        String key = userId + "|" + courseId;
        Instant known = completionDates.get(key);
        if (known != null) {
            return known;
        }
        CourseCompletionStatus status =
                moodle.courseCompletion(courseId, userId).getCompletionstatus();
        Instant at = status == null || status.getCompletions() == null
                ? null
                : status.getCompletions().stream()
                        .map(CompletionCriterion::getTimecompleted)
                        .filter(Objects::nonNull)
                        .max(Long::compare)
                        .map(Instant::ofEpochSecond)
                        .orElse(null);
        if (at != null) {
            completionDates.put(key, at);
        }
        return at;
    }

    /** Moodle user ids of these usernames (resolved {@value #USERS_PER_CALL} per call, once); unknown users are absent. */
    public Map<String, Long> userIds(Collection<String> usernames) {
        resolveUsers(usernames);
        Map<String, Long> ids = new HashMap<>();
        usernames.forEach(u -> Optional.ofNullable(userIds.get(u)).ifPresent(id -> ids.put(u, id)));
        return ids;
    }

    /** Resolves the usernames not yet cached, {@value #USERS_PER_CALL} per call. */
    private void resolveUsers(Collection<String> usernames) {
        List<String> unknown = usernames.stream()
                .filter(u -> !userIds.containsKey(u))
                .distinct()
                .toList();
        for (int i = 0; i < unknown.size(); i += USERS_PER_CALL) {
            Set<String> batch = Set.copyOf(unknown.subList(i, Math.min(unknown.size(), i + USERS_PER_CALL)));
            moodle.usersByUsername(batch).stream()
                    .filter(u -> batch.contains(u.getUsername()))
                    .forEach(u -> userIds.put(u.getUsername(), u.getId()));
        }
    }

    @Override
    public List<CourseGrade> grades(String username, Collection<String> courseIds) {
        Long userId = userId(username).orElse(null);
        List<CourseGrade> grades = new ArrayList<>();
        for (String courseId : userId == null ? List.<String>of() : courseIds) {
            Long course = id(courseId);
            GradeItemsResponse items;
            try {
                items = course == null ? null : moodle.gradeItems(course, userId);
            } catch (MoodleBusinessException.NoSuchRecord unknownCourse) {
                continue; // a look-up that finds nothing, not an error
            }
            Optional.ofNullable(items).map(GradeItemsResponse::getUsergrades).orElse(List.of()).stream()
                    .flatMap(u -> Optional.ofNullable(u.getGradeitems()).orElse(List.of()).stream())
                    .filter(i -> "course".equals(i.getItemtype()) && i.getGraderaw() != null)
                    .findFirst()
                    .ifPresent(i -> grades.add(new CourseGrade(
                            username,
                            courseId,
                            i.getGraderaw(),
                            i.getGrademax(),
                            null))); // the grade report does not expose gradepass
        }
        return grades;
    }

    /** The feedback activities of the courses (mod_feedback_get_feedbacks_by_courses). */
    public List<Feedback> feedbackActivities(Collection<String> courseIds) {
        return feedback.activities(
                courseIds.stream().map(MoodleLms::id).filter(Objects::nonNull).toList());
    }

    /** Every answer to the courses' feedback activities; see {@link MoodleFeedback} for how they are read. */
    @Override
    public List<FeedbackResponse> feedback(Collection<String> courseIds) {
        return feedback.responses(
                courseIds.stream().map(MoodleLms::id).filter(Objects::nonNull).toList());
    }

    @Override
    public List<String> createCalendarEvents(List<CalendarEvent> events) {
        return calendar.create(events);
    }

    @Override
    public MessageReceipt sendMessage(String toUsername, String text, String clientMsgId) {
        long to = knownUser(toUsername);
        InstantMessage message =
                new InstantMessage().touserid(to).text(text).textformat(2).clientmsgid(clientMsgId);
        MessageResult r = moodle.sendMessages(List.of(message)).get(0);
        long msgId = r.getMsgid() == null ? -1 : r.getMsgid();
        if (msgId == -1) {
            // Moodle answered: a resend gets the same answer (recorded: the learner's privacy without readallmessages)
            throw new MoodleBusinessException.MessageNotDelivered("core_message_send_instant_messages: Moodle did not"
                    + " deliver the message to user " + to + ": " + r.getErrormessage());
        }
        return new MessageReceipt(msgId, clientMsgId, null);
    }

    /**
     * Moodle keeps no client id, but lists what was sent: the message with exactly this text from Trainflow's own
     * account to the user since the intent was recorded (a second early, for Moodle's whole seconds). Empty when it
     * was not sent, when the service lacks core_message_get_messages, or when Moodle refuses the question: the
     * message is then sent again (README "Crashes and durability").
     */
    @Override
    public Optional<MessageReceipt> sentMessage(String toUsername, String clientMsgId, String text, Instant since) {
        if (since == null || text == null) {
            return Optional.empty();
        }
        try {
            SiteInfo site = moodle.siteInfo();
            boolean offered = Optional.ofNullable(site.getFunctions()).orElse(List.of()).stream()
                    .anyMatch(f -> "core_message_get_messages".equals(f.getName()));
            if (!offered || site.getUserid() == null) {
                return Optional.empty();
            }
            long to = knownUser(toUsername);
            long from = since.getEpochSecond() - 1;
            if (!(moodle.messagesSent(site.getUserid(), to, 50) instanceof Map<?, ?> answer)
                    || !(answer.get("messages") instanceof List<?> messages)) {
                return Optional.empty();
            }
            for (Object m : messages) {
                if (m instanceof Map<?, ?> message
                        && message.get("timecreated") instanceof Number created
                        && created.longValue() >= from
                        && text.strip().equals(plain(message))
                        && message.get("id") instanceof Number id) {
                    return Optional.of(new MessageReceipt(id.longValue(), clientMsgId, null));
                }
            }
            return Optional.empty();
        } catch (io.trainflow.connectors.error.PortBusinessException refused) {
            return Optional.empty(); // cannot tell: sent again
        }
    }

    /** The message as sent: Moodle keeps the raw text in fullmessage (text is its HTML rendering). */
    private static String plain(Map<?, ?> message) {
        Object full = message.get("fullmessage");
        return full == null ? null : String.valueOf(full).strip();
    }

    /** The Moodle id of a user Trainflow must act on; a user Moodle does not return is the administrator's to fix. */
    private long knownUser(String username) {
        return userId(username).orElseThrow(() -> unknownUser(username));
    }

    /**
     * Tells "no such account" from "the token may not see users" where it can: without moodle/user:viewalldetails
     * core_user_get_users_by_field answers [] for everyone (recorded live), so a user seen before that is now
     * missing too means the capability went; a user seen before still visible means this account is missing.
     */
    private MoodleBusinessException.UnknownUser unknownUser(String username) {
        String fix = " (" + MoodleCapabilities.DEFINE_ROLES + ")";
        Optional<String> seen =
                userIds.keySet().stream().filter(u -> !u.equals(username)).findFirst();
        if (seen.isPresent()) {
            boolean othersVisible = moodle.usersByUsername(List.of(seen.get())).stream()
                    .anyMatch(u -> seen.get().equals(u.getUsername()));
            if (!othersVisible) {
                return new MoodleBusinessException.UnknownUser("core_user_get_users_by_field returns no users at all,"
                        + " not even one it returned before: the Trainflow role lacks moodle/user:viewalldetails"
                        + fix);
            }
            return new MoodleBusinessException.UnknownUser("Moodle has no user with username '" + username + "' (other"
                    + " users are visible): create the account or correct the username, then retry the incident");
        }
        return new MoodleBusinessException.UnknownUser("Moodle returned no user with username '" + username + "': the"
                + " account does not exist, or the Trainflow role lacks moodle/user:viewalldetails" + fix
                + "; `check-connections` tells which");
    }

    Optional<Long> userId(String username) {
        Long cached = userIds.get(username);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Long> found = moodle.usersByUsername(List.of(username)).stream()
                .filter(u -> username.equals(u.getUsername()))
                .map(MoodleUser::getId)
                .findFirst();
        found.ifPresent(id -> userIds.put(username, id));
        return found;
    }

    private static Course course(MoodleCourse c) {
        return new Course(
                String.valueOf(c.getId()),
                c.getShortname(),
                c.getFullname(),
                c.getSummary(),
                c.getCategoryid() == null ? null : String.valueOf(c.getCategoryid()));
    }

    private static Long id(String s) {
        try {
            return s == null ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long epoch(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null || epochSeconds == 0 ? null : Instant.ofEpochSecond(epochSeconds);
    }
}

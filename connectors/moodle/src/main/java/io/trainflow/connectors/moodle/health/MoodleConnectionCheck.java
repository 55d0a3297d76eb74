package io.trainflow.connectors.moodle.health;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.health.Finding.Kind;
import io.trainflow.connectors.moodle.MoodleCalls;
import io.trainflow.connectors.moodle.catalogue.MoodleCourseIds;
import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import io.trainflow.connectors.moodle.error.MoodleCapabilities;
import io.trainflow.connectors.moodle.error.MoodleUnavailableException;
import io.trainflow.connectors.moodle.model.SiteFunction;
import io.trainflow.connectors.moodle.model.SiteInfo;
import io.trainflow.connectors.moodle.route.MoodleRoutes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moodle as Trainflow needs it, one finding per thing to fix: core_webservice_get_site_info answers (URL, web
 * services on, token valid, webservice/rest:use), the token's external service offers every function Trainflow
 * calls, each catalogue course exists by shortname, and then each capability-dependent call is tried once on a
 * course (the probe course, else the first catalogue course): read the course, list its participants, see one of
 * them in full (moodle/user:viewalldetails: without it Moodle answers [] silently), read their grades and their
 * completion (which also shows a course without completion criteria). Site info lists functions, not
 * capabilities, so only a call shows a missing capability. The writes (enrolment, calendar, message) are tried
 * only on a probe course the administrator names (TRAINFLOW_MOODLE_PROBE_COURSE): Trainflow's own user is enrolled
 * there as a student, one "Trainflow connection check" course event is created once, and Trainflow's user
 * messages a participant.
 */
public final class MoodleConnectionCheck implements ConnectionCheck {

    /** The course event the write probe creates once (found again by name and start afterwards). */
    static final String PROBE_EVENT = "Trainflow connection check";

    static final long PROBE_EVENT_START = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();

    private final String baseUrl;
    private final MoodleCalls moodle;
    private final MoodleCourseIds courses;
    private final String probeCourse;
    private final long studentRoleId;

    /** @param courses the catalogue's courses, or null when there is no catalogue to check */
    public MoodleConnectionCheck(String baseUrl, MoodleCalls moodle, MoodleCourseIds courses) {
        this(baseUrl, moodle, courses, null, 5);
    }

    /** @param probeCourse shortname of a test course for the write probes; null: writes are not tried */
    public MoodleConnectionCheck(
            String baseUrl, MoodleCalls moodle, MoodleCourseIds courses, String probeCourse, long studentRoleId) {
        this.baseUrl = baseUrl;
        this.moodle = moodle;
        this.courses = courses;
        this.probeCourse = probeCourse == null || probeCourse.isBlank() ? null : probeCourse.strip();
        this.studentRoleId = studentRoleId;
    }

    @Override
    public String system() {
        return "moodle";
    }

    @Override
    public CheckResult check() {
        SiteInfo site;
        try {
            site = moodle.siteInfo();
        } catch (MoodleBusinessException.FunctionNotInService e) {
            return CheckResult.of(system(), protocolOrService());
        } catch (RuntimeException e) {
            return CheckResult.of(system(), failure(e, "site info", "core_webservice_get_site_info"));
        }
        List<Finding> findings = new ArrayList<>(missingFunctions(site));
        if (courses != null) {
            findings.addAll(courseFindings());
        }
        Optional<Long> course = probeCourseId(findings);
        course.ifPresent(id -> findings.addAll(capabilities(id, site)));
        if (findings.stream().allMatch(f -> f.kind() == Kind.OK || f.kind() == Kind.NOT_CHECKED)) {
            findings.add(
                    0,
                    Finding.ok(
                            "site info, functions",
                            "Moodle " + site.getRelease() + " at " + baseUrl + " as "
                                    + site.getUsername() + "; all " + MoodleRoutes.FUNCTIONS.size()
                                    + " functions Trainflow calls are in"
                                    + " the service"
                                    + (courses == null ? "" : "; every catalogue course found by shortname")));
        }
        return new CheckResult(system(), findings);
    }

    /**
     * Moodle answers both a role without webservice/rest:use and a function outside the service with the same
     * "Access control exception" (accessexception): a second function tells them apart, as without the
     * capability every call is refused.
     */
    private Finding protocolOrService() {
        try {
            moodle.probe("core_course_get_courses", "options", Map.of("ids", List.of(1)));
        } catch (MoodleBusinessException.FunctionNotInService everyCallRefused) {
            return missing(
                    "site info",
                    "every web-service call",
                    "webservice/rest:use",
                    "Moodle refuses every call"
                            + " with accessexception (\"Access control exception\"); if the role has it, check that the"
                            + " token's external service is enabled");
        } catch (RuntimeException otherAnswer) {
            // the protocol works: only site info is refused
        }
        return new Finding(
                Kind.FUNCTION_MISSING,
                "site info",
                "web-service function core_webservice_get_site_info"
                        + " is not in the token's external service (errorcode accessexception; Site administration > Server >"
                        + " Web services > External services > Functions)");
    }

    private List<Finding> missingFunctions(SiteInfo site) {
        Set<String> offered = new TreeSet<>();
        Optional.ofNullable(site.getFunctions()).orElse(List.of()).stream()
                .map(SiteFunction::getName)
                .forEach(offered::add);
        return MoodleRoutes.FUNCTIONS.stream()
                .filter(f -> !offered.contains(f))
                .map(f -> new Finding(
                        Kind.FUNCTION_MISSING,
                        "functions",
                        "web-service function " + f
                                + " is not in the token's external service (Site administration > Server > Web services"
                                + " > External services > Functions)"))
                .toList();
    }

    private List<Finding> courseFindings() {
        List<Finding> findings = new ArrayList<>();
        try {
            courses.unresolved()
                    .forEach((id, shortname) -> findings.add(new Finding(
                            Kind.MISSING_DATA,
                            "catalogue courses",
                            "catalogue course " + id + ": no Moodle course with shortname '" + shortname + "'")));
        } catch (RuntimeException e) {
            findings.add(failure(e, "catalogue courses", "core_course_get_courses_by_field"));
        }
        return findings;
    }

    /** The named probe course, else the first catalogue course Moodle has. */
    private Optional<Long> probeCourseId(List<Finding> findings) {
        try {
            if (probeCourse != null) {
                Optional<Long> id =
                        Optional.ofNullable(
                                        moodle.courseByShortname(probeCourse).getCourses())
                                .orElse(List.of())
                                .stream()
                                .map(c -> c.getId())
                                .filter(Objects::nonNull)
                                .findFirst();
                if (id.isEmpty()) {
                    findings.add(new Finding(
                            Kind.MISSING_DATA,
                            "probe course",
                            "TRAINFLOW_MOODLE_PROBE_COURSE names '" + probeCourse
                                    + "', which Moodle does not have (course shortname)"));
                }
                return id;
            }
            return courses == null ? Optional.empty() : courses.firstResolved();
        } catch (RuntimeException e) {
            findings.add(failure(e, "probe course", "core_course_get_courses_by_field"));
            return Optional.empty();
        }
    }

    /** Each capability-dependent call once, on the course; one finding per missing capability. */
    private List<Finding> capabilities(long course, SiteInfo site) {
        List<Finding> findings = new ArrayList<>();
        probe(
                findings,
                "core_course_get_courses",
                "read the course " + course,
                "options",
                Map.of("ids", List.of(course)));
        Object participants = probe(
                findings,
                "core_enrol_get_enrolled_users",
                "list the course's participants",
                "courseid",
                course,
                "options",
                List.of(Map.of("name", "userfields", "value", "id")));
        Optional<Long> learner = participants instanceof List<?> list
                ? list.stream()
                        .map(u -> u instanceof Map<?, ?> m ? m.get("id") : null)
                        .filter(Objects::nonNull)
                        .map(id -> Long.valueOf(String.valueOf(id)))
                        .filter(id -> !id.equals(site.getUserid()))
                        .findFirst()
                : Optional.empty();
        if (learner.isEmpty()) {
            if (participants instanceof List<?>) {
                findings.add(
                        new Finding(
                                Kind.NOT_CHECKED,
                                "see users, grades, completion",
                                "course " + course
                                        + " has no participant besides Trainflow's user to look up: enrol a test learner there"));
            }
        } else {
            Object seen = probe(
                    findings,
                    "core_user_get_users_by_field",
                    "see a participant's account",
                    "field",
                    "id",
                    "values",
                    List.of(learner.get()));
            if (seen instanceof List<?> list && list.isEmpty()) {
                findings.add(missing(
                        "see a participant's account",
                        "core_user_get_users_by_field",
                        "moodle/user:viewalldetails",
                        "Moodle answered [] for a participant of the course: without it"
                                + " every learner looks unknown"));
            }
            probe(
                    findings,
                    "gradereport_user_get_grade_items",
                    "read grades",
                    "courseid",
                    course,
                    "userid",
                    learner.get());
            probe(
                    findings,
                    "core_completion_get_course_completion_status",
                    "read completion",
                    "courseid",
                    course,
                    "userid",
                    learner.get());
        }
        if (probeCourse == null) {
            findings.add(new Finding(
                    Kind.NOT_CHECKED,
                    "enrol, calendar, message",
                    "the writes were not tried: set"
                            + " TRAINFLOW_MOODLE_PROBE_COURSE to the shortname of a test course (Trainflow's user is enrolled"
                            + " there as a student, one course event is created once, a participant gets a message)"));
        } else {
            probe(
                    findings,
                    "enrol_manual_enrol_users",
                    "enrol (Trainflow's own user, as a student)",
                    "enrolments",
                    List.of(Map.of("roleid", studentRoleId, "userid", site.getUserid(), "courseid", course)));
            writeProbeEvent(findings, course);
            learner.ifPresent(to -> messageProbe(findings, to));
        }
        return findings;
    }

    private void writeProbeEvent(List<Finding> findings, long course) {
        Object existing = probe(
                findings,
                "core_calendar_get_calendar_events",
                "find course events",
                "events",
                Map.of("courseids", List.of(course)),
                "options",
                Map.of("userevents", 0, "siteevents", 0, "timestart", PROBE_EVENT_START, "timeend", PROBE_EVENT_START));
        boolean there = existing instanceof Map<?, ?> m
                && m.get("events") instanceof List<?> events
                && events.stream().anyMatch(ev -> ev instanceof Map<?, ?> e && PROBE_EVENT.equals(e.get("name")));
        if (!there && existing != null) {
            Object made = probe(
                    findings,
                    "core_calendar_create_calendar_events",
                    "create a course event",
                    "events",
                    List.of(Map.of(
                            "name",
                            PROBE_EVENT,
                            "courseid",
                            course,
                            "eventtype",
                            "course",
                            "timestart",
                            PROBE_EVENT_START,
                            "format",
                            1)));
            if (made instanceof Map<?, ?> m && m.get("warnings") instanceof List<?> w && !w.isEmpty()) {
                findings.add(missing(
                        "create a course event",
                        "core_calendar_create_calendar_events",
                        "moodle/calendar:manageentries",
                        "Moodle refused the course event: " + w.get(0)));
            }
        }
    }

    private void messageProbe(List<Finding> findings, long to) {
        Object sent = probe(
                findings,
                "core_message_send_instant_messages",
                "message a participant",
                "messages",
                List.of(Map.of(
                        "touserid",
                        to,
                        "text",
                        "Trainflow connection check: messages reach learners.",
                        "textformat",
                        2)));
        if (sent instanceof List<?> list
                && !list.isEmpty()
                && list.get(0) instanceof Map<?, ?> r
                && String.valueOf(r.get("msgid")).equals("-1")) {
            findings.add(missing(
                    "message a participant",
                    "core_message_send_instant_messages",
                    "moodle/site:readallmessages",
                    "Moodle did not deliver: " + r.get("errormessage")));
        }
    }

    /** One call; a refusal becomes a finding naming the capability, success an OK finding. Null when it failed. */
    private Object probe(List<Finding> findings, String function, String check, Object... params) {
        try {
            Object answer = moodle.probe(function, params);
            findings.add(Finding.ok(check, function + " answered"));
            return answer;
        } catch (MoodleBusinessException.MissingCapability e) {
            findings.add(missing(
                    check, function, needs(function), "Moodle said (errorcode " + e.errorCode() + "): " + e.said()));
        } catch (MoodleBusinessException.NoCompletionCriteria e) {
            findings.add(
                    new Finding(
                            Kind.MISSING_DATA,
                            check,
                            "the course has no completion criteria (errorcode"
                                    + " nocriteriaset): turn on completion tracking and add a criterion (README 'Moodle course set-up')"));
        } catch (RuntimeException e) {
            findings.add(failure(e, check, function));
        }
        return null;
    }

    private static String needs(String function) {
        return String.join(
                ", ",
                MoodleCapabilities.BY_FUNCTION.getOrDefault(function, List.of()).stream()
                        .map(MoodleCapabilities.Need::capability)
                        .toList());
    }

    private static Finding missing(String check, String function, String capability, String evidence) {
        String page = capability.contains("role:assign")
                ? MoodleCapabilities.DEFINE_ROLES + "; and " + MoodleCapabilities.ALLOW_ASSIGN
                : MoodleCapabilities.DEFINE_ROLES;
        return new Finding(
                Kind.MISSING_PERMISSION,
                check,
                function + " needs " + capability + " for the Trainflow" + " role (" + page + "). " + evidence);
    }

    private Finding failure(RuntimeException e, String check, String function) {
        if (e instanceof MoodleBusinessException.InvalidToken) {
            return new Finding(
                    Kind.BAD_CREDENTIALS,
                    check,
                    "Moodle at " + baseUrl + " does not accept the token (errorcode "
                            + "invalidtoken); set TRAINFLOW_MOODLE_TOKEN or trainflow.lms.moodle.token-file");
        }
        if (e instanceof MoodleBusinessException.WebServicesDisabled) {
            return new Finding(
                    Kind.API_DISABLED,
                    check,
                    "web services are disabled on " + baseUrl + " (HTTP 403): enable"
                            + " them and the REST protocol in Site administration > Advanced features / Server > Web services");
        }
        if (e instanceof MoodleBusinessException.FunctionNotInService) {
            return new Finding(
                    Kind.FUNCTION_MISSING,
                    check,
                    "web-service function " + function + " is not in the token's"
                            + " external service (errorcode accessexception)");
        }
        if (e instanceof MoodleBusinessException.MissingCapability m) {
            return missing(check, function, needs(function), "errorcode " + m.errorCode());
        }
        if (e instanceof MoodleBusinessException b) {
            return new Finding(
                    Kind.BAD_URL, check, function + " at " + baseUrl + " failed with errorcode " + b.errorCode());
        }
        if (e instanceof MoodleUnavailableException) {
            return new Finding(
                    Kind.UNREACHABLE, check, "Moodle at " + baseUrl + " is unreachable: " + redact(e.getMessage()));
        }
        return new Finding(
                Kind.BAD_URL,
                check,
                "no Moodle web service at " + baseUrl + "/webservice/rest/server.php: " + redact(e.getMessage()));
    }

    /** Camel's messages may quote the request URL, and the token travels in its query. */
    static String redact(String message) {
        return message == null ? "" : message.replaceAll("wstoken=[^&\\s]*", "wstoken=***");
    }
}

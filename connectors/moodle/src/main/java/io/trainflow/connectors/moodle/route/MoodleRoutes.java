package io.trainflow.connectors.moodle.route;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.trainflow.connectors.moodle.MoodleConfig;
import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import io.trainflow.connectors.moodle.error.MoodleUnavailableException;
import io.trainflow.connectors.moodle.ws.MoodleCall;
import io.trainflow.connectors.moodle.ws.MoodleForm;
import io.trainflow.connectors.moodle.ws.MoodleResponses;
import io.trainflow.connectors.moodle.ws.MoodleTransport;
import io.trainflow.connectors.resilience.CamelRetries;
import io.trainflow.connectors.resilience.CircuitBreaker;
import io.trainflow.connectors.resilience.RateLimiter;
import java.net.URLEncoder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * One route per integration concern, each declaring its own error policy, over one shared
 * transport route. The transport route has no error handler of its own, so a failure surfaces in
 * the concern route, whose redelivery then replays the whole transport step (rate limit, breaker
 * check, HTTP call) rather than only the processor that failed.
 */
public class MoodleRoutes extends RouteBuilder {

    public static final String USERS = "direct:moodle-users";
    public static final String COURSES = "direct:moodle-courses";
    public static final String ENROL = "direct:moodle-enrol";
    public static final String COMPLETION = "direct:moodle-completion";
    public static final String GRADES = "direct:moodle-grades";
    public static final String FEEDBACK = "direct:moodle-feedback";
    public static final String CALENDAR = "direct:moodle-calendar";
    public static final String MESSAGES = "direct:moodle-messages";
    /** Connection checks: answered at once, never retried, so a health probe never hangs in backoff. */
    public static final String HEALTH = "direct:moodle-health";

    private static final String TRANSPORT = "direct:moodle-ws";
    private static final String CALL = "moodle.call";

    /** The functions each concern route may call; together, what the token's service must offer. */
    private static final Map<String, List<String>> CONCERNS = new LinkedHashMap<>();

    static {
        CONCERNS.put(USERS, List.of("core_user_get_users_by_field"));
        CONCERNS.put(COURSES, List.of("core_course_get_courses", "core_course_get_courses_by_field"));
        CONCERNS.put(ENROL, List.of("core_enrol_get_users_courses", "enrol_manual_enrol_users"));
        CONCERNS.put(
                COMPLETION,
                List.of(
                        "core_enrol_get_users_courses",
                        "core_enrol_get_enrolled_users",
                        "core_completion_get_course_completion_status"));
        CONCERNS.put(GRADES, List.of("gradereport_user_get_grade_items"));
        CONCERNS.put(FEEDBACK, List.of("mod_feedback_get_feedbacks_by_courses", "mod_feedback_get_responses_analysis"));
        CONCERNS.put(CALENDAR, List.of("core_calendar_get_calendar_events", "core_calendar_create_calendar_events"));
        CONCERNS.put(MESSAGES, List.of("core_message_send_instant_messages"));
    }

    /**
     * Functions Trainflow uses when the service offers them and does without otherwise (asked through the health
     * route, once): core_message_get_messages tells whether a message a crash cut short reached the learner.
     */
    public static final Set<String> OPTIONAL = Set.of("core_message_get_messages");

    /** Every web-service function Trainflow calls, sorted; the external service of the token must offer all. */
    public static final Set<String> FUNCTIONS;

    static {
        Set<String> all = new TreeSet<>(List.of("core_webservice_get_site_info"));
        CONCERNS.values().forEach(all::addAll);
        FUNCTIONS = Collections.unmodifiableSet(all);
    }

    private final MoodleConfig config;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;

    public MoodleRoutes(MoodleConfig config, CircuitBreaker breaker, RateLimiter limiter) {
        this.config = config;
        this.breaker = breaker;
        this.limiter = limiter;
    }

    @Override
    public void configure() {
        CONCERNS.forEach(this::concern);
        from(HEALTH)
                .routeId("moodle-health")
                // a check reports what it found in one line; a stack trace in the log helps nobody
                .onException(Exception.class)
                .maximumRedeliveries(0)
                .logExhausted(false)
                .logStackTrace(false)
                .handled(false)
                .end()
                .process(e -> {
                    MoodleCall<?> call = e.getMessage().getBody(MoodleCall.class);
                    if (!FUNCTIONS.contains(call.function()) && !OPTIONAL.contains(call.function())) {
                        throw new IllegalArgumentException(call.function() + " does not belong to " + HEALTH);
                    }
                    e.setProperty(CALL, call);
                })
                .to(TRANSPORT);

        long timeout = config.timeout().toMillis();
        from(TRANSPORT)
                .routeId("moodle-ws")
                .errorHandler(noErrorHandler())
                .process(e -> limiter.acquire())
                .process(e -> breaker.beforeCall())
                .process(this::prepareRequest)
                .doTry()
                .to(config.baseUrl() + "/webservice/rest/server.php?httpMethod=POST"
                        + "&connectTimeout=" + timeout + "&responseTimeout=" + timeout
                        + "&connectionRequestTimeout=" + timeout)
                .process(e -> breaker.onSuccess())
                .doCatch(Exception.class)
                .process(e -> {
                    throw MoodleTransport.translate(
                            e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class), call(e).function(), breaker);
                })
                .end()
                .process(e -> e.getMessage()
                        .setBody(MoodleResponses.read(
                                call(e).function(), e.getMessage().getBody(byte[].class), call(e))));
    }

    /** A concern route: business errors fail at once, transient ones are retried with backoff and jitter. */
    private void concern(String uri, List<String> functions) {
        Set<String> allowed = Set.copyOf(functions);
        RouteDefinition route = from(uri).routeId(uri.substring("direct:".length()));
        CamelRetries.failAtOnce(route, MoodleBusinessException.class);
        CamelRetries.retryTransient(
                        route,
                        config.resilience(),
                        MoodleUnavailableException.class,
                        MoodleUnavailableException.CircuitOpen.class)
                .process(e -> {
                    MoodleCall<?> call = e.getMessage().getBody(MoodleCall.class);
                    if (!allowed.contains(call.function())) {
                        throw new IllegalArgumentException(call.function() + " does not belong to " + uri);
                    }
                    e.setProperty(CALL, call);
                })
                .to(TRANSPORT);
    }

    /** Query and form from the call kept in a property, so a redelivery rebuilds the same request. */
    private void prepareRequest(Exchange e) {
        MoodleCall<?> call = call(e);
        var in = e.getMessage();
        in.removeHeaders("*");
        in.setHeader(
                Exchange.HTTP_QUERY,
                "wstoken=" + URLEncoder.encode(config.token(), UTF_8) + "&wsfunction=" + call.function()
                        + "&moodlewsrestformat=json");
        in.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
        in.setBody(MoodleForm.encode(call.params()));
    }

    private static MoodleCall<?> call(Exchange e) {
        return e.getProperty(CALL, MoodleCall.class);
    }
}

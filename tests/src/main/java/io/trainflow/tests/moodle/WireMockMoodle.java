package io.trainflow.tests.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Moodle 4.5 REST endpoint on a loopback WireMock server answering from a {@link MoodleSite}
 * (see {@link MoodleAnswers}), with an optional fixed latency. WireMock's request journal is the
 * record of what Trainflow asked Moodle: count calls with {@link #calls}.
 */
public final class WireMockMoodle implements AutoCloseable {

    public static final String TOKEN = "MOODLE_TOKEN_MANAGER";
    private static final String PATH = "/webservice/rest/server.php";

    private final MoodleSite site;
    private final MoodleAnswers answers;
    private final WireMockServer server;
    private final Map<String, Runnable> afterWrite = new ConcurrentHashMap<>();
    /** Answers given instead of the site's, e.g. a recorded error of a Moodle without some capability. */
    private final Map<String, String> recordedAnswers = new ConcurrentHashMap<>();

    private final Map<String, Integer> answered = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile java.util.function.Consumer<String> afterEach = function -> {};
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    private WireMockMoodle(MoodleSite site, int latencyMillis, int threads) {
        this.site = site;
        this.answers = new MoodleAnswers(site);
        this.server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(threads)
                .jettyAcceptors(1)
                .extensions(new ResponseDefinitionTransformerV2() {
                    @Override
                    public ResponseDefinition transform(ServeEvent event) {
                        String function =
                                event.getRequest().queryParameter("wsfunction").firstValue();
                        if (down) {
                            refused.incrementAndGet();
                            // as a PHP server behind a proxy in maintenance answers, asking for 30 s
                            return ResponseDefinitionBuilder.responseDefinition()
                                    .withStatus(503)
                                    .withHeader("Retry-After", "30")
                                    .withBody("Service Unavailable")
                                    .build();
                        }
                        String recorded = recordedAnswers.get(function);
                        String body = recorded != null
                                ? recorded
                                : answers.answer(function, event.getRequest().getBodyAsString());
                        answered.merge(function, 1, Integer::sum);
                        Runnable hook = afterWrite.remove(function);
                        if (hook != null) {
                            hook.run();
                        }
                        afterEach.accept(function);
                        return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                                .but()
                                .withBody(body)
                                .build();
                    }

                    @Override
                    public String getName() {
                        return "moodle-site";
                    }
                }));
        server.start();
        server.stubFor(post(urlPathEqualTo(PATH))
                .withQueryParam("wstoken", equalTo(TOKEN))
                .withQueryParam("moodlewsrestformat", equalTo("json"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withFixedDelay(latencyMillis)));
    }

    /** Answers at once. */
    public static WireMockMoodle start(MoodleSite site) {
        return new WireMockMoodle(site, 0, 25);
    }

    /** Every answer delayed by {@code latencyMillis}; {@code threads} requests served at a time. */
    public static WireMockMoodle start(MoodleSite site, int latencyMillis, int threads) {
        return new WireMockMoodle(site, latencyMillis, threads);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public MoodleSite site() {
        return site;
    }

    /**
     * Runs {@code hook} once, in the serving thread, after the next call of {@code function} has
     * changed the site and before Moodle's answer leaves: to crash Trainflow between Moodle's
     * write and the engine's commit.
     */
    public void onceAfter(String function, Runnable hook) {
        afterWrite.put(function, hook);
    }

    /**
     * Called with the function's name after every answered call has changed the site and before its answer leaves,
     * in the serving thread: a crash harness kills Trainflow there, between Moodle's write and Trainflow's record.
     */
    public void afterEach(java.util.function.Consumer<String> listener) {
        afterEach = listener;
    }

    /** From now on Moodle answers the function with this body (a recorded answer), until {@link #answerFromSite}. */
    public void answerWith(String function, String body) {
        recordedAnswers.put(function, body);
    }

    public void answerFromSite(String function) {
        recordedAnswers.remove(function);
    }

    /** Moodle is down (every call answered 503 with Retry-After: 30) until {@link #up()}. */
    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    /** Names and course ids of the calendar events created so far, e.g. "Training: Python…@4". */
    public List<String> calendarEvents() {
        return answers.calendar().stream()
                .map(e -> e.get("name").asText() + "@" + e.get("courseid").asText() + "@"
                        + e.get("timestart").asText())
                .toList();
    }

    /** Calls refused while down. */
    public int refused() {
        return refused.get();
    }

    /** Calls of the function Moodle answered (not refused while down). */
    public int answered(String function) {
        return answered.getOrDefault(function, 0);
    }

    /** Calls of the function so far. */
    public int calls(String function) {
        return server.countRequestsMatching(pattern(function).build()).getCount();
    }

    /** Calls of the function with these form parameters, e.g. enrolments[0][userid]=5. */
    public List<Map<String, String>> forms(String function) {
        return server.findAll(pattern(function)).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(MoodleAnswers::form)
                .toList();
    }

    /** Forgets the calls so far (between benchmark scenarios). */
    public void resetJournal() {
        server.resetRequests();
    }

    private static RequestPatternBuilder pattern(String function) {
        return postRequestedFor(urlPathEqualTo(PATH)).withQueryParam("wsfunction", equalTo(function));
    }

    @Override
    public void close() {
        server.stop();
    }
}

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
    private final WireMockServer server;
    private final Map<String, Runnable> afterWrite = new ConcurrentHashMap<>();

    private WireMockMoodle(MoodleSite site, int latencyMillis, int threads) {
        this.site = site;
        MoodleAnswers answers = new MoodleAnswers(site);
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(threads).jettyAcceptors(1)
                .extensions(new ResponseDefinitionTransformerV2() {
                    @Override
                    public ResponseDefinition transform(ServeEvent event) {
                        String function = event.getRequest().queryParameter("wsfunction").firstValue();
                        String body = answers.answer(function, event.getRequest().getBodyAsString());
                        Runnable hook = afterWrite.remove(function);
                        if (hook != null) {
                            hook.run();
                        }
                        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
                                .withBody(body).build();
                    }

                    @Override
                    public String getName() {
                        return "moodle-site";
                    }
                }));
        server.start();
        server.stubFor(post(urlPathEqualTo(PATH)).withQueryParam("wstoken", equalTo(TOKEN))
                .withQueryParam("moodlewsrestformat", equalTo("json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
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

    /** Calls of the function so far. */
    public int calls(String function) {
        return server.countRequestsMatching(pattern(function).build()).getCount();
    }

    /** Calls of the function with these form parameters, e.g. enrolments[0][userid]=5. */
    public List<Map<String, String>> forms(String function) {
        return server.findAll(pattern(function)).stream().map(LoggedRequest::getBodyAsString)
                .map(MoodleAnswers::form).toList();
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

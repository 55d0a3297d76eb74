package io.trainflow.connectors.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock Moodle on a dynamic loopback port replaying the recorded fixtures. */
abstract class MoodleWireMockBase {

    static final String TOKEN = "MOODLE_TOKEN_MANAGER";
    static final String PATH = "/webservice/rest/server.php";

    WireMockServer wm;
    MoodleConnector connector;
    MoodleLms lms;

    @BeforeEach
    void startMoodle() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        connector = MoodleConnector.start(config("http://127.0.0.1:" + wm.port()));
        lms = connector.lms();
    }

    @AfterEach
    void stopMoodle() {
        connector.close();
        wm.stop();
    }

    /** Fast backoff so outage tests stay quick; 3 retries, breaker out of the way unless a test wants it. */
    MoodleConfig config(String baseUrl) {
        return new MoodleConfig(
                baseUrl,
                TOKEN,
                Duration.ofMillis(500),
                3,
                Duration.ofMillis(20),
                Duration.ofMillis(100),
                100,
                Duration.ofSeconds(30),
                0,
                5);
    }

    /** A stub for one wsfunction; callers add form-parameter matchers. */
    static MappingBuilder call(String function) {
        return post(urlPathEqualTo(PATH))
                .withQueryParam("wsfunction", equalTo(function))
                .withQueryParam("wstoken", equalTo(TOKEN))
                .withQueryParam("moodlewsrestformat", equalTo("json"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"));
    }

    static RequestPatternBuilder calls(String function) {
        return postRequestedFor(urlPathEqualTo(PATH)).withQueryParam("wsfunction", equalTo(function));
    }

    void replay(MappingBuilder stub, String fixture) {
        wm.stubFor(stub.willReturn(okForContentType("application/json", fixture(fixture))));
    }

    static String fixture(String name) {
        try (InputStream in = MoodleWireMockBase.class.getResourceAsStream("/moodle/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** alice.employee is user 5 (core_user_get_users_by_field fixture); "nobody" is unknown. */
    void knownUsers() {
        replay(
                call("core_user_get_users_by_field").withFormParam("values[0]", equalTo("alice.employee")),
                "core_user_get_users_by_field");
        replay(
                call("core_user_get_users_by_field").withFormParam("values[0]", equalTo("nobody")),
                "core_user_get_users_by_field__not-found");
        replay(
                call("core_enrol_get_users_courses").withFormParam("userid", equalTo("5")),
                "core_enrol_get_users_courses");
    }
}

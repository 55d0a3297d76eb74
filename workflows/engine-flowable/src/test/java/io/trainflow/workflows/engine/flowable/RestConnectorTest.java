package io.trainflow.workflows.engine.flowable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.trainflow.workflows.connector.rest.RestConnector;
import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import io.trainflow.workflows.lint.LintProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camunda's REST connector (camunda8/rest-connector, inputs and headers as Modeler's template writes them) runs
 * through Camel's HTTP component against a real HTTP server (WireMock), with Camunda 8's documented behaviour.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one engine and one server: each test starts its own instances
class RestConnectorTest {

    private final WireMockServer api = new WireMockServer(options().dynamicPort());
    private final RestConnector rest;
    private final Camunda8Engine c8;
    /** The real-time clock OAuth token expiry is read with, moved by the tests. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Camunda8Engine.T0);

    RestConnectorTest() {
        api.start();
        // {{secrets.NAME}} in the models: read from the environment in production, from this map here
        rest = RestConnector.start(
                Map.of("COURSES_API_TOKEN", "t0k3n", "COMPLETIONS_CLIENT_SECRET", "client-secret")::get, now::get);
        c8 = new Camunda8Engine(rest.handler()).deploy("rest-connector");
    }

    @AfterAll
    void stop() {
        c8.close();
        rest.close();
        api.stop();
    }

    @BeforeEach
    void forgetRequests() {
        api.resetAll();
        now.updateAndGet(t -> t.plus(Duration.ofDays(1))); // every token kept by an earlier test has expired
    }

    @Test
    void getSendsQueryParametersAndTheBearerTokenFromASecretAndStoresTheResponseInTheResultVariable() {
        api.stubFor(get(urlPathEqualTo("/courses"))
                .withQueryParam("category", equalTo("7"))
                .withQueryParam("q", equalTo("safety first"))
                .withHeader("Authorization", equalTo("Bearer t0k3n"))
                .withHeader("Accept", equalTo("application/json"))
                .willReturn(okJson("[{\"id\": 1, \"title\": \"Fire safety\"}]").withHeader("X-Total", "1")));

        var instance = c8.start("rest-get-bearer", Map.of("baseUrl", api.baseUrl(), "categoryId", 7));

        assertThat(c8.endActivity(instance)).isEqualTo("end");
        Map<?, ?> courses = (Map<?, ?>) c8.variables(instance).get("courses");
        assertThat(courses.get("status")).isEqualTo(200L);
        assertThat(((Map<?, ?>) courses.get("headers")).get("X-Total")).isEqualTo("1");
        assertThat((List<?>) courses.get("body"))
                .singleElement()
                .satisfies(
                        course -> assertThat(((Map<?, ?>) course).get("title")).isEqualTo("Fire safety"));
    }

    @Test
    void postSendsTheBodyAsJsonWithBasicAuthAndTheResultExpressionPicksTheVariables() {
        api.stubFor(post("/bookings")
                .withBasicAuth("ops", "s3cret")
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"learner\": \"lena\", \"course\": 42, \"tags\": [\"onboarding\"]}"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"b-1\", \"seatsLeft\": 3}")));

        var instance = c8.start(
                "rest-post-basic",
                Map.of(
                        "baseUrl",
                        api.baseUrl(),
                        "apiUser",
                        "ops",
                        "apiPassword",
                        "s3cret",
                        "learner",
                        "lena",
                        "courseId",
                        42));

        assertThat(c8.endActivity(instance)).isEqualTo("end");
        Map<String, Object> variables = c8.variables(instance);
        assertThat(variables).containsEntry("bookingId", "b-1").doesNotContainKey("response");
        assertThat(((Number) variables.get("seatsLeft")).intValue()).isEqualTo(3);
    }

    @Test
    void oauthClientCredentialsFetchesATokenAndSendsItAsBearer() {
        api.stubFor(post("/oauth/token")
                .withBasicAuth("trainflow", "client-secret")
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("scope=completions%3Awrite"))
                .willReturn(
                        okJson("{\"access_token\": \"issued-1\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));
        api.stubFor(put("/completions/lena")
                .withHeader("Authorization", equalTo("Bearer issued-1"))
                .withRequestBody(equalToJson("{\"completed\": true}"))
                .willReturn(aResponse().withStatus(204)));

        var instance = c8.start("rest-oauth", Map.of("baseUrl", api.baseUrl(), "learner", "lena"));

        assertThat(c8.endActivity(instance)).isEqualTo("end");
        assertThat(((Map<?, ?>) c8.variables(instance).get("reported")).get("status"))
                .isEqualTo(204L);
    }

    @Test
    void anOAuthTokenIsReusedUntilShortlyBeforeItExpiresAndDroppedWhenTheApiRefusesIt() {
        api.stubFor(post("/oauth/token")
                .inScenario("tokens")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\": \"first\", \"expires_in\": 300}"))
                .willSetStateTo("second"));
        api.stubFor(post("/oauth/token")
                .inScenario("tokens")
                .whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\": \"second\", \"expires_in\": \"300\"}"))
                .willSetStateTo("third"));
        api.stubFor(post("/oauth/token")
                .inScenario("tokens")
                .whenScenarioStateIs("third")
                .willReturn(okJson("{\"access_token\": \"third\", \"expires_in\": 300}")));
        for (String token : List.of("first", "second", "third")) {
            api.stubFor(put(urlPathEqualTo("/completions/lena"))
                    .withHeader("Authorization", equalTo("Bearer " + token))
                    .willReturn(aResponse().withStatus(204)));
        }
        Map<String, Object> lena = Map.of("baseUrl", api.baseUrl(), "learner", "lena");

        c8.start("rest-oauth", lena);
        now.updateAndGet(t -> t.plusSeconds(260)); // 40 s of its 300 left: still handed out
        c8.start("rest-oauth", lena);
        assertThat(api.countRequestsMatching(
                                postRequestedFor(urlPathEqualTo("/oauth/token")).build())
                        .getCount())
                .isEqualTo(1);
        api.verify(
                2,
                putRequestedFor(urlPathEqualTo("/completions/lena"))
                        .withHeader("Authorization", equalTo("Bearer first")));

        now.updateAndGet(t -> t.plusSeconds(15)); // 25 s left: too close to its expiry, a new one is asked for
        c8.start("rest-oauth", lena);
        api.verify(
                1,
                putRequestedFor(urlPathEqualTo("/completions/lena"))
                        .withHeader("Authorization", equalTo("Bearer second")));

        api.stubFor(put(urlPathEqualTo("/completions/lena"))
                .withHeader("Authorization", equalTo("Bearer second"))
                .willReturn(aResponse().withStatus(401))); // revoked before its time
        var afterRevocation = c8.start("rest-oauth", lena);
        c8.advance(Duration.ofSeconds(1)); // the failed attempt's retry (retryBackoff PT0S) is due
        assertThat(c8.endActivity(afterRevocation)).isEqualTo("end"); // the retry asked for a new token
        api.verify(
                1,
                putRequestedFor(urlPathEqualTo("/completions/lena"))
                        .withHeader("Authorization", equalTo("Bearer third")));
        assertThat(api.countRequestsMatching(
                                postRequestedFor(urlPathEqualTo("/oauth/token")).build())
                        .getCount())
                .isEqualTo(3);
    }

    @Test
    void theErrorExpressionTurnsAnAnswerIntoABpmnErrorTheBoundaryEventCatches() {
        api.stubFor(post("/taken/rooms")
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"reason\": \"booked\", \"by\": \"finance\"}")));
        api.stubFor(post("/full/rooms").willReturn(okJson("{\"waitlisted\": true}")));
        api.stubFor(post("/free/rooms").willReturn(okJson("{\"room\": \"R1\", \"waitlisted\": false}")));

        var taken = c8.start("rest-error-expression", Map.of("baseUrl", api.baseUrl() + "/taken"));
        var full = c8.start("rest-error-expression", Map.of("baseUrl", api.baseUrl() + "/full"));
        var free = c8.start("rest-error-expression", Map.of("baseUrl", api.baseUrl() + "/free"));

        assertThat(c8.endActivity(taken)).as("HTTP 409 -> bpmnError ROOM_TAKEN").isEqualTo("taken-end");
        assertThat(c8.variables(taken)).containsEntry("takenBy", "finance");
        assertThat(c8.endActivity(full))
                .as("a 200 the expression reads as an error -> WAITLISTED")
                .isEqualTo("waitlisted-end");
        assertThat(c8.endActivity(free)).isEqualTo("end");
        assertThat(api.countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                        urlPathEqualTo("/taken/rooms"))
                                .build())
                        .getCount())
                .as("a business error is not retried")
                .isEqualTo(1);
    }

    @Test
    void aServerErrorIsRetriedAfterTheRetryBackoffAsTheTaskAllowsThenItIsAnIncident() {
        api.stubFor(get("/catalogue").willReturn(aResponse().withStatus(503).withBody("down for maintenance")));

        var instance = c8.start("rest-retried", Map.of("baseUrl", api.baseUrl()));
        api.verify(1, getRequestedFor(urlPathEqualTo("/catalogue")));

        c8.advance(Duration.ofSeconds(29));
        api.verify(1, getRequestedFor(urlPathEqualTo("/catalogue")));
        c8.advance(Duration.ofSeconds(2));
        api.verify(2, getRequestedFor(urlPathEqualTo("/catalogue")));
        c8.advance(Duration.ofMinutes(10));

        api.verify(2, getRequestedFor(urlPathEqualTo("/catalogue")));
        assertThat(incident(instance))
                .contains("GET " + api.baseUrl() + "/catalogue answered HTTP 503")
                .doesNotContain("maintenance");
    }

    @Test
    void aReadTimeoutFailsTheAttempt() {
        api.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(4000)));

        var instance = c8.start("rest-timeout", Map.of("baseUrl", api.baseUrl()));

        assertThat(incident(instance)).contains("GET " + api.baseUrl() + "/slow timed out (read timeout 1 s)");
    }

    @Test
    void lintAcceptsTheModelsAndNamesARestTaskThatCannotRun(@TempDir Path dir) throws Exception {
        BpmnLinter linter = new BpmnLinter(Set.of(RestConnector.TYPE), new Feel());
        assertThat(linter.lintPath(Camunda8Engine.folder("rest-connector")))
                .filteredOn(LintProblem::refuses)
                .isEmpty();

        String model = Files.readString(Camunda8Engine.folder("rest-connector").resolve("retried.bpmn"))
                .replaceAll("<zeebe:input source=\"[^\"]*\" target=\"url\" />", "")
                .replace("source=\"GET\"", "source=\"FETCH\"")
                .replace("value=\"PT30S\"", "value=\"30 seconds\"");
        Files.writeString(dir.resolve("broken.bpmn"), model);
        assertThat(linter.lintPath(dir))
                .extracting(LintProblem::elementId, LintProblem::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("call-api", "the REST connector needs the input 'url'"),
                        org.assertj.core.groups.Tuple.tuple(
                                "call-api",
                                "the REST connector's method 'FETCH' is not one of "
                                        + Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")),
                        org.assertj.core.groups.Tuple.tuple(
                                "call-api", "retryBackoff '30 seconds' is not an ISO-8601 duration such as PT30S"));

        Files.writeString(
                dir.resolve("broken.bpmn"),
                Files.readString(Camunda8Engine.folder("rest-connector").resolve("oauth.bpmn"))
                        .replace(
                                "<zeebe:input source=\"PUT\" target=\"method\" />",
                                "<zeebe:input source=\"PUT\" target=\"method\" /><zeebe:input source=\"true\" target=\"storeResponse\" />"));
        assertThat(linter.lintPath(dir)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("call-api");
            assertThat(p.message()).contains("storeResponse").contains("document store, which Trainflow does not have");
        });
    }

    @Test
    void aSecretThatIsNotSetIsAnIncidentAtOnceNamingTheSecret() throws Exception {
        try (RestConnector unset = RestConnector.start(name -> null);
                Camunda8Engine bare = new Camunda8Engine(unset.handler()).deploy("rest-connector")) {
            var instance = bare.start("rest-get-bearer", Map.of("baseUrl", api.baseUrl(), "categoryId", 7));

            Job dead = bare.flowable
                    .getManagementService()
                    .createDeadLetterJobQuery()
                    .processInstanceId(instance.getId())
                    .singleResult();
            assertThat(dead.getExceptionMessage())
                    .contains("the secret 'COURSES_API_TOKEN' is not set in the environment");
            api.verify(0, getRequestedFor(urlPathEqualTo("/courses")));
        }
    }

    private String incident(ProcessInstance instance) {
        Job dead = c8.flowable
                .getManagementService()
                .createDeadLetterJobQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(dead).as("an incident").isNotNull();
        return dead.getExceptionMessage();
    }
}

package io.trainflow.tests.orangehrm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.trainflow.connectors.orangehrm.fixtures.OrangeHrmFixtures.JSON;
import static io.trainflow.connectors.orangehrm.fixtures.OrangeHrmFixtures.recorded;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.trainflow.connectors.hcm.CatalogueIdsHcm;
import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.orangehrm.OrangeHrmConnector;
import io.trainflow.connectors.orangehrm.fixtures.OrangeHrmFixtures;
import io.trainflow.connectors.orangehrm.fixtures.SeededOrangeHrm;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.workflows.TrainflowPorts;

/**
 * A WireMock OrangeHRM 5.7 serving the recorded answers adapted to a small organisation (Sophie
 * Laurent supervises Alice Martin, empNumber 3, both with system users named as in the sample
 * organisation; Alice holds Python at 2/5), and the OrangeHRM connector (Camel routes, OAuth token
 * seeded) towards it, wired behind the HCM port as the application wires it.
 */
public final class SmallOrangeHrm implements AutoCloseable {

    public static final String API = "/web/index.php/api/v2";
    /** Alice Martin's empNumber. */
    public static final String LEARNER = "3";
    /** PY-AUTO: teaches Python, which OrangeHRM knows as skill 2. */
    public static final String COURSE = "103";

    public static final String COURSE_TITLE = SampleOrganisation.fromClasspath().lms().courses().stream()
            .filter(c -> c.id().equals(COURSE))
            .map(Course::fullname)
            .findFirst()
            .orElseThrow();
    private static final String ACCESS = "ACCESS-TOKEN-LIFECYCLE";
    private static final String OBSERVABILITY =
            "{\"id\":4,\"name\":\"Observability\",\"description\":\"Metrics, logs and traces\"}";

    private final WireMockServer server;
    private final OrangeHrmConnector connector;

    private SmallOrangeHrm() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        smallOrganisation();
        connector = SeededOrangeHrm.connect("http://127.0.0.1:" + server.port() + "/web/index.php", ACCESS);
    }

    private com.github.tomakehurst.wiremock.stubbing.StubMapping outage;

    public static SmallOrangeHrm start() {
        return new SmallOrangeHrm();
    }

    /** The ports with OrangeHRM as the HCM, under the catalogue's skill and job-title ids (as the app wires it). */
    public TrainflowPorts replacingSampleHcm(TrainflowPorts p) {
        SampleOrganisation catalogue = SampleOrganisation.fromClasspath();
        return new TrainflowPorts(
                p.lms(),
                new CatalogueIdsHcm(
                        connector.hcm(),
                        catalogue.hcm().skills(),
                        catalogue.jobTitles(),
                        catalogue.hcm().departments()),
                p.ai(),
                p.catalogue(),
                p.outcomes(),
                p.delegations(),
                p.clock(),
                p.quizExports());
    }

    /** WireMock's journal of what Trainflow sent OrangeHRM. */
    public WireMockServer server() {
        return server;
    }

    /**
     * What a completed PY-AUTO request writes back: the licence type created and the licence added,
     * once each; Python, held at 2/5, raised one level in place; and no call the organisation does not answer.
     */
    public void verifyTrainingRecordedAndPythonRaised(String request) {
        server.verify(
                1,
                postRequestedFor(urlPathEqualTo(API + "/admin/licenses"))
                        .withRequestBody(equalToJson("{\"name\":\"" + COURSE_TITLE + "\"}")));
        server.verify(
                1,
                postRequestedFor(urlPathEqualTo(API + "/pim/employees/" + LEARNER + "/licenses"))
                        .withRequestBody(matchingJsonPath("$.licenseId", equalTo("3")))
                        .withRequestBody(matchingJsonPath("$.licenseNo", equalTo("PY-AUTO/" + request))));
        server.verify(0, putRequestedFor(urlPathMatching(API + "/pim/employees/.*/licenses/.*")));
        server.verify(
                1,
                putRequestedFor(urlPathEqualTo(API + "/pim/employees/" + LEARNER + "/skills/2"))
                        .withRequestBody(matchingJsonPath("$.comments", matching("proficiency=3/5.*after PY-AUTO.*")))
                        .withRequestBody(matchingJsonPath("$.yearsOfExperience", equalTo("6"))));
        server.verify(0, postRequestedFor(urlPathMatching(API + "/pim/employees/.*/skills")));
        server.verify(0, postRequestedFor(urlPathEqualTo(API + "/admin/skills")));
        if (!server.findAllUnmatchedRequests().isEmpty()) {
            throw new AssertionError(
                    "calls the small organisation does not answer: " + server.findAllUnmatchedRequests());
        }
    }

    /** The recorded answers, with the recorded people renamed into the sample organisation's. */
    private void smallOrganisation() {
        stub(get(urlPathEqualTo(API + "/pim/employees/3")), "18-get-employee");
        stub(
                get(urlPathEqualTo(API + "/pim/employees/2")),
                "18-get-employee",
                "\"empNumber\":3",
                "\"empNumber\":2",
                "\"E1002\"",
                "\"E1001\"",
                "Alice",
                "Sophie",
                "Martin",
                "Laurent");
        stub(get(urlPathEqualTo(API + "/pim/employees/3/job-details")), "19-get-job-details");
        stub(
                get(urlPathEqualTo(API + "/pim/employees/2/job-details")),
                "19-get-job-details",
                "\"empNumber\":3",
                "\"empNumber\":2");
        stub(get(urlPathEqualTo(API + "/pim/employees/3/supervisors")), "20-list-supervisors");
        reply(
                get(urlPathEqualTo(API + "/pim/employees/2/supervisors")),
                "{\"data\": [], \"meta\": {\"empNumber\": 2, \"total\": 0}, \"rels\": []}");
        stub(get(urlPathEqualTo(API + "/admin/users")), "written/users");
        stub(get(urlPathEqualTo(API + "/admin/subunits")), "22-list-subunits-tree");
        // the organisation also tracks Observability, which the learner's role needs
        stub(
                get(urlPathEqualTo(API + "/admin/skills")),
                "08-list-skills",
                "{\"id\":3,\"name\":\"Incident Management\"",
                OBSERVABILITY + ",{\"id\":3,\"name\":\"Incident Management\"");
        // her one gap for the role: Python at 2/5 (recorded: 4/5); the role's other skills she has at 4/5
        stub(
                get(urlPathEqualTo(API + "/pim/employees/3/skills")),
                "27-list-employee-skills",
                "\"comments\":\"proficiency=4/5\"",
                "\"comments\":\"proficiency=2/5\"",
                "\"data\":[",
                "\"data\":[" + held("3", "Incident Management") + "," + held("4", "Observability") + ",");
        stub(
                put(urlPathEqualTo(API + "/pim/employees/3/skills/2")),
                "26-update-employee-skill",
                "\"id\":1",
                "\"id\":2",
                "Kubernetes",
                "Python");
        stub(get(urlPathEqualTo(API + "/admin/licenses")), "11-list-licenses");
        reply(
                post(urlPathEqualTo(API + "/admin/licenses")),
                "{\"data\": {\"id\": 3, \"name\": \"" + COURSE_TITLE + "\"}, \"meta\": [], \"rels\": []}");
        stub(get(urlPathEqualTo(API + "/pim/employees/3/licenses")), "31-list-employee-licenses");
        stub(
                post(urlPathEqualTo(API + "/pim/employees/3/licenses")),
                "29-add-employee-license",
                "\"id\":1",
                "\"id\":3",
                "Certified Kubernetes Administrator (CKA)",
                COURSE_TITLE);
        stub(get(urlPathEqualTo(API + "/performance/manage/reviews")), "45-list-reviews-manage");
        stub(get(urlPathEqualTo(API + "/performance/reviews/1/evaluation/final")), "43-review-final-evaluation-get");
    }

    private static String held(String id, String name) {
        return "{\"yearsOfExperience\":3,\"comments\":\"proficiency=4/5\",\"skill\":{\"id\":" + id + ",\"name\":\""
                + name + "\"}}";
    }

    private void stub(MappingBuilder request, String fixture, String... replacements) {
        String body = people(JSON.writeValueAsString(
                fixture.startsWith("written/")
                        ? JSON.readTree(OrangeHrmFixtures.text("/orangehrm/" + fixture + ".json"))
                        : recorded(fixture).get("response").get("body")));
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            body = body.replace(replacements[i], replacements[i + 1]);
        }
        reply(request, body);
    }

    private void reply(MappingBuilder request, String body) {
        server.stubFor(request.withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private static String people(String body) {
        return body.replace("grace.hopper", "sophie.laurent")
                .replace("linus.torvalds", "alice.martin")
                .replace("Grace", "Sophie")
                .replace("Hopper", "Laurent")
                .replace("Linus", "Alice")
                .replace("Torvalds", "Martin");
    }

    /** OrangeHRM is down (every call answered 503 with Retry-After: 30, as a proxy in maintenance) until {@link #up()}. */
    public void down() {
        outage = server.stubFor(any(anyUrl())
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Retry-After", "30")
                        .withBody("Service Unavailable")));
    }

    public void up() {
        server.removeStub(outage);
    }

    /** Calls refused while down. */
    public long refused() {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getResponse().getStatus() == 503)
                .count();
    }

    /** Calls OrangeHRM answered with success, by method and path. */
    public long answered(String method, String path) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getResponse().getStatus() < 300)
                .filter(e -> e.getRequest().getMethod().getName().equals(method)
                        && e.getRequest().getUrl().split("\\?")[0].equals(API + path))
                .count();
    }

    @Override
    public void close() {
        connector.close();
        server.stop();
    }
}

package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.plugin.security.KeycloakServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/**
 * Every operation of the OpenAPI contract (and whatever else the application serves under /api) against every kind of
 * caller, signed in with real Keycloak tokens
 * (or API keys acting as a person): who gets in, who is refused (403) and to whom a request or task does not
 * exist (404). The operations come from {@code config/openapi/trainflow-api.yaml} and from the running application's
 * request mappings: an operation added to either without a row here fails the test.
 *
 * <p>Each caller has the request (and task) they are closest to: the approver's task of Sophie's nomination of
 * Alice (R), the SME review of an L&amp;D quiz (Q), or the deputy's task of Paul's request (S). A caller who may act
 * gets past the door with input that is then refused on its merits (a decision "aprove", an unknown course, a
 * delegation to oneself), so nothing is decided by the matrix itself; where an operation takes no input (claim,
 * withdraw) it really happens, withdrawing last. Every mismatch is listed at once.
 *
 * <p>Roles come from Trainflow's group store here ({@code roles-from: groups}): a change of membership counts on the
 * next call, with the same token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest {

    private static final String DATABASE = "jdbc:h2:mem:matrix-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void trainflow(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("trainflow.bpmn-dir", () -> RunningTrainflow.bpmnFolder().toString());
        registry.add("trainflow.progress-sync", () -> "PT12H");
        registry.add("trainflow.hcm-sync", () -> "PT12H");
        registry.add(
                "trainflow.sign-in.oidc.issuer-uri", () -> KeycloakServer.get().issuer());
        // roles from Trainflow's group store (admins, auditors), not from the token (OidcSignInTest has the claims)
        registry.add("trainflow.sign-in.oidc.roles-from", () -> "groups");
        // the matrix makes a few dozen writes per person within a minute
        registry.add("trainflow.limits.writes-per-minute", () -> 1000);
    }

    /** Which request (and task) a caller is closest to. */
    enum Subject {
        R,
        Q,
        S
    }

    /** How a caller proves who they are. */
    enum Proof {
        TOKEN,
        KEY,
        NARROW_KEY,
        NONE
    }

    enum Role {
        ASSIGNEE("marc.bernard", Subject.R, Proof.TOKEN),
        CANDIDATE_GROUP_MEMBER("hugo.roux", Subject.Q, Proof.TOKEN),
        UNRELATED_EMPLOYEE("jules.gauthier", Subject.R, Proof.TOKEN),
        REQUESTER("sophie.laurent", Subject.R, Proof.TOKEN),
        LEARNER("alice.martin", Subject.R, Proof.TOKEN),
        REQUESTERS_COLLEAGUE("theo.mercier", Subject.R, Proof.TOKEN),
        ACTIVE_DEPUTY("lina.clement", Subject.S, Proof.TOKEN),
        EXPIRED_DEPUTY("victor.morel", Subject.S, Proof.TOKEN),
        MANAGER_CHAIN("claire.dubois", Subject.R, Proof.TOKEN),
        LD("zoe.vincent", Subject.R, Proof.TOKEN),
        HR("maxime.muller", Subject.R, Proof.TOKEN),
        AUDITOR("ella.lefebvre", Subject.R, Proof.TOKEN),
        ADMIN("adam.david", Subject.R, Proof.TOKEN),
        /** A key acting as the assignee with every scope a person's key may have (all but admin). */
        API_KEY("marc.bernard", Subject.R, Proof.KEY),
        /** A key acting as the assignee with tasks:read only. */
        API_KEY_WITHOUT_SCOPE("marc.bernard", Subject.R, Proof.NARROW_KEY),
        ANONYMOUS(null, Subject.R, Proof.NONE);

        final String person;
        final Subject subject;
        final Proof proof;

        Role(String person, Subject subject, Proof proof) {
            this.person = person;
            this.subject = subject;
            this.proof = proof;
        }
    }

    /** Scopes of {@link Role#API_KEY}. */
    private static final Set<String> PERSON_SCOPES =
            Set.of("tasks:read", "tasks:decide", "requests:read", "requests:write");

    private static final String NO_SCOPE = "";

    /** One operation: how to call it, and what each caller gets. */
    private record Row(
            String method,
            String path,
            String body,
            String scope,
            Map<Role, Set<Integer>> allowed,
            int otherwise,
            Function<Api.Response, Integer> outcome,
            Set<Role> last) {

        Set<Integer> expected(Role role) {
            if (role.proof == Proof.NONE) {
                return Set.of(401);
            }
            if (role.proof == Proof.KEY && !scope.isEmpty() && !PERSON_SCOPES.contains(scope)
                    || role.proof == Proof.NARROW_KEY && !scope.isEmpty() && !"tasks:read".equals(scope)) {
                return Set.of(403); // the key's scopes are checked before anything else
            }
            Role as = role.proof == Proof.TOKEN ? role : Role.ASSIGNEE;
            return allowed.getOrDefault(as, Set.of(otherwise));
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<Subject, String> requests = new EnumMap<>(Subject.class);
    private final Map<Subject, String> tasks = new EnumMap<>(Subject.class);
    private String fullKey;
    private String narrowKey;
    private String expiredDelegation;

    private String base() {
        return "http://localhost:" + port;
    }

    private Api api(String person) {
        return new Api(base(), "Bearer " + tokens.computeIfAbsent(person, KeycloakServer.get()::token), HTTP);
    }

    private Api api(Role role) {
        return switch (role.proof) {
            case TOKEN -> api(role.person);
            case KEY -> new Api(base(), null, HTTP).with("X-API-Key", fullKey);
            case NARROW_KEY -> new Api(base(), null, HTTP).with("X-API-Key", narrowKey);
            case NONE -> new Api(base(), null, HTTP);
        };
    }

    /** The data every row works on, set up once: three open tasks, two delegations, two API keys. */
    @BeforeAll
    void setUp() {
        Instant now = Instant.now();
        Api ines = api("ines.legrand");
        created(ines.post(
                "/api/delegations",
                "{\"deputy\": \"victor.morel\", \"from\": \"" + now.minus(Duration.ofHours(20)) + "\", \"to\": \""
                        + now.minus(Duration.ofHours(1)) + "\", \"reason\": \"ended\"}"));
        expiredDelegation = ines.get("/api/delegations").list().stream()
                .filter(d -> "victor.morel".equals(d.get("deputy")))
                .findFirst()
                .orElseThrow()
                .get("id")
                .toString();
        created(ines.post(
                "/api/delegations",
                "{\"deputy\": \"lina.clement\", \"from\": \"" + now.minus(Duration.ofHours(1)) + "\", \"to\": \""
                        + now.plus(Duration.ofDays(7)) + "\", \"reason\": \"leave\"}"));

        requests.put(
                Subject.R,
                key(api("sophie.laurent")
                        .post(
                                "/api/requests",
                                "{\"employeeId\": \"1004\", \"justification\": \"nominated by her manager\"}")));
        requests.put(
                Subject.S,
                key(api("paul.robin")
                        .post(
                                "/api/requests",
                                "{\"employeeId\": \"1021\", \"justification\": \"own request, manager away\"}")));
        requests.put(
                Subject.Q,
                key(api("zoe.vincent").post("/api/quizzes", "{\"courseId\": \"105\", \"maxQuestions\": 2}")));
        tasks.put(
                Subject.R,
                api("marc.bernard")
                        .awaitTask(requests.get(Subject.R), "approve")
                        .get("id")
                        .toString());
        tasks.put(
                Subject.S,
                api("lina.clement")
                        .awaitTask(requests.get(Subject.S), "approve")
                        .get("id")
                        .toString());
        tasks.put(
                Subject.Q,
                api("hugo.roux")
                        .awaitTask(requests.get(Subject.Q), "review-quiz")
                        .get("id")
                        .toString());

        fullKey = apiKey("tasks:read\", \"tasks:decide\", \"requests:read\", \"requests:write");
        narrowKey = apiKey("tasks:read");
        for (Role role : Role.values()) {
            if (role.proof == Proof.TOKEN) {
                tokens.computeIfAbsent(role.person, KeycloakServer.get()::token);
            }
        }
        defineRows();
    }

    private String apiKey(String scopes) {
        Api.Response created = api("adam.david")
                .post(
                        "/api/admin/api-keys",
                        "{\"name\": \"matrix\", \"username\": \"marc.bernard\", \"scopes\": [\"" + scopes + "\"]}");
        return created(created).object().get("key").toString();
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static String key(Api.Response started) {
        return created(started).object().get("businessKey").toString();
    }

    // ---- the matrix ------------------------------------------------------------------------------------------

    private static final Set<Role> SEE_R = Set.of(
            Role.ASSIGNEE,
            Role.CANDIDATE_GROUP_MEMBER,
            Role.REQUESTER,
            Role.LEARNER,
            Role.ACTIVE_DEPUTY,
            Role.MANAGER_CHAIN,
            Role.LD,
            Role.HR,
            Role.AUDITOR);
    private static final Set<Role> DECIDE = Set.of(Role.ASSIGNEE, Role.CANDIDATE_GROUP_MEMBER, Role.ACTIVE_DEPUTY);
    private static final Set<Role> EVERYONE = tokenRoles();
    private static final Set<Role> EDITORS = Set.of(Role.LD, Role.ADMIN);
    private static final Set<Role> ADMINS = Set.of(Role.ADMIN);

    private void defineRows() {
        String from = Instant.now().plus(Duration.ofDays(1)).toString();
        String to = Instant.now().plus(Duration.ofDays(2)).toString();
        // who may request for Alice: herself and her manager chain; the unknown course is refused after that
        row(
                "POST /api/requests",
                "{\"employeeId\": \"1004\", \"requestedCourseIds\": [\"NO-SUCH-COURSE\"]}",
                "requests:write",
                allow(Set.of(Role.LEARNER, Role.REQUESTER, Role.ASSIGNEE, Role.MANAGER_CHAIN), 400),
                403);
        row("GET /api/requests/mine", null, "requests:read", allow(EVERYONE, 200), 403);
        // the requester withdraws (last of all); who sees the request but did not make it is refused, to others it does
        // not exist
        rows.put(
                "POST /api/requests/{requestId}/withdraw",
                new Row(
                        "POST",
                        "/api/requests/{requestId}/withdraw",
                        null,
                        "requests:write",
                        merge(allow(minus(SEE_R, Role.REQUESTER), 403), allow(Set.of(Role.REQUESTER), 204)),
                        404,
                        Api.Response::status,
                        Set.of(Role.REQUESTER)));
        row("GET /api/requests/{requestId}/diagram", null, "requests:read", allow(SEE_R, 200), 404);
        row("GET /api/requests/{requestId}", null, "requests:read", allow(SEE_R, 200), 404);
        row(
                "POST /api/campaigns",
                "{\"department\": \"no-such-department\"}",
                "requests:write",
                allow(Set.of(Role.LD, Role.HR), 400),
                403);
        row(
                "POST /api/quizzes",
                "{\"courseId\": \"NO-SUCH-COURSE\"}",
                "requests:write",
                allow(Set.of(Role.LD, Role.CANDIDATE_GROUP_MEMBER), 400),
                403);
        row(
                "GET /api/quizzes/{quizId}",
                null,
                "requests:read",
                allow(Set.of(Role.LD, Role.CANDIDATE_GROUP_MEMBER), 200),
                403);
        // 200 for everyone; 1 when the caller's task is listed, 0 when not
        rows.put(
                "GET /api/tasks",
                new Row(
                        "GET",
                        "/api/tasks?max=500",
                        null,
                        "tasks:read",
                        merge(allow(EVERYONE, 0), allow(DECIDE, 1)),
                        0,
                        null,
                        Set.of()));
        row("GET /api/tasks/{taskId}", null, "tasks:read", allow(DECIDE, 200), 404);
        // the bulk answer is 200 with one outcome per task: that outcome is what counts
        rows.put(
                "POST /api/tasks/decisions",
                new Row(
                        "POST",
                        "/api/tasks/decisions",
                        "{\"taskIds\": [\"{taskId}\"], \"variables\": {\"decision\": \"aprove\"}}",
                        "tasks:decide",
                        allow(DECIDE, 400),
                        404,
                        AuthorisationMatrixTest::firstOutcome,
                        Set.of()));
        row("POST /api/tasks/{taskId}/claim", null, "tasks:decide", allow(DECIDE, 204), 404);
        // a task the process assigned stays with its assignee (403); an offered one goes back to the group
        row(
                "POST /api/tasks/{taskId}/unclaim",
                null,
                "tasks:decide",
                merge(
                        allow(Set.of(Role.ASSIGNEE, Role.ACTIVE_DEPUTY), 403),
                        allow(Set.of(Role.CANDIDATE_GROUP_MEMBER), 204)),
                404);
        row(
                "POST /api/tasks/{taskId}/complete",
                "{\"variables\": {\"decision\": \"aprove\"}}",
                "tasks:decide",
                allow(DECIDE, 400),
                404);
        row("GET /api/delegations", null, "requests:read", allow(EVERYONE, 200), 403);
        row(
                "POST /api/delegations",
                "{\"deputy\": \"{me}\", \"from\": \"" + from + "\", \"to\": \"" + to + "\"}",
                "requests:write",
                allow(EVERYONE, 400),
                403);
        // nobody removes someone else's delegation: to them it does not exist
        row("DELETE /api/delegations/{delegationId}", null, "requests:write", allow(EVERYONE, 404), 403);
        row("GET /api/incidents", null, "admin", allow(ADMINS, 200), 403);
        row("GET /api/incidents/{incidentId}", null, "admin", allow(ADMINS, 404), 403);
        row("POST /api/incidents/{incidentId}/retry", null, "admin", allow(ADMINS, 404), 403);
        row("POST /api/admin/connections/check", null, "admin", allow(ADMINS, 200), 403);
        row("GET /api/admin/job-locks", null, "admin", allow(ADMINS, 200), 403);
        row(
                "POST /api/sample/learners/{username}/progress",
                null,
                "admin",
                allow(Set.of(Role.LEARNER, Role.ADMIN), 200),
                403);
        row(
                "PUT /api/sample/employees/{employeeId}/supervisor",
                "{\"managerUsername\": \"alice.martin\"}",
                "admin",
                allow(ADMINS, 400),
                403);
        row("GET /api/sample/clock", null, "admin", allow(ADMINS, 200), 403);
        row("POST /api/sample/clock", "{\"days\": 0}", "admin", allow(ADMINS, 400), 403);
        row("GET /api/me", null, NO_SCOPE, allow(EVERYONE, 200), 403);
        row("GET /api/admin/api-keys", null, "admin", allow(ADMINS, 200), 403);
        row(
                "POST /api/admin/api-keys",
                "{\"name\": \"probe\", \"username\": \"alice.martin\", \"scopes\": [\"nope\"]}",
                "admin",
                allow(ADMINS, 400),
                403);
        row("DELETE /api/admin/api-keys/{keyId}", null, "admin", allow(ADMINS, 404), 403);
        row("GET /api/audit", null, "requests:read", allow(Set.of(Role.AUDITOR), 200), 403);
        row("GET /api/catalogue/courses", null, "requests:read", allow(EDITORS, 200), 403);
        row(
                "PUT /api/catalogue/courses/{courseId}",
                "{\"title\": \"Matrix probe\", \"cost\": 0, \"currency\": \"EUR\"}",
                "admin",
                allow(EDITORS, 200, 201),
                403);
        row("DELETE /api/catalogue/courses/{courseId}", null, "admin", allow(EDITORS, 204, 404), 403);
        row("GET /api/catalogue/courses/{courseId}/sessions", null, "requests:read", allow(EDITORS, 200), 403);
        row(
                "PUT /api/catalogue/sessions/{sessionId}",
                "{\"courseId\": \"105\", \"start\": \"" + from + "\", \"end\": \"" + to + "\", \"seats\": 1}",
                "admin",
                allow(EDITORS, 200, 201),
                403);
        row("DELETE /api/catalogue/sessions/{sessionId}", null, "admin", allow(EDITORS, 204, 404), 403);
        row("GET /api/catalogue/roles", null, "requests:read", allow(EDITORS, 200), 403);
        row("GET /api/catalogue/names", null, "requests:read", allow(EDITORS, 200), 403);
        row(
                "PUT /api/catalogue/roles/{roleId}",
                "{\"title\": \"Matrix probe\", \"requiredSkills\": {\"java\": 1}}",
                "admin",
                allow(EDITORS, 200, 201),
                403);
        row("DELETE /api/catalogue/roles/{roleId}", null, "admin", allow(EDITORS, 204, 404), 403);
        row("GET /api/catalogue/budgets", null, "requests:read", allow(EDITORS, 200), 403);
        row(
                "PUT /api/catalogue/budgets/{departmentId}",
                "{\"allocated\": 1, \"spent\": 0, \"owner\": \"marc.bernard\"," + " \"currency\": \"EUR\"}",
                "admin",
                allow(EDITORS, 200, 201),
                403);
        row("DELETE /api/catalogue/budgets/{departmentId}", null, "admin", allow(EDITORS, 204, 404), 403);
        row("POST /api/catalogue/import", "{}", "admin", allow(EDITORS, 200), 403);
        row("GET /api/groups", null, "admin", allow(EDITORS, 200), 403);
        row("PUT /api/groups/{group}/members/{username}", null, "admin", allow(ADMINS, 204), 403);
        row("DELETE /api/groups/{group}/members/{username}", null, "admin", allow(ADMINS, 204), 403);
        row("POST /api/admin/lti/registration-links", null, "admin", allow(ADMINS, 201), 403);
        row("GET /api/admin/lti/platforms", null, "admin", allow(ADMINS, 200), 403);
        row("POST /api/admin/lti/platforms", "{}", "admin", allow(ADMINS, 400), 403);
        row("DELETE /api/admin/lti/platforms/{platformId}", null, "admin", allow(ADMINS, 404), 403);
        row("GET /api/admin/lti/tool-keys", null, "admin", allow(ADMINS, 200), 403);
        row("POST /api/admin/lti/tool-keys/rotate", null, "admin", allow(ADMINS, 200), 403);
        // only a page launched from a Moodle course (its launch token) knows the course: any other sign-in is refused
        row("GET /api/lti/course-campaign", null, "requests:read", Map.of(), 403);
        row("POST /api/lti/course-campaign", null, "requests:write", Map.of(), 403);
    }

    /** Path parameters: the caller's own request and task, and fixed probes for the rest. */
    private String fill(String template, Role role) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{requestId}", requests.get(role.subject));
        values.put("{taskId}", tasks.get(role.subject));
        values.put("{quizId}", requests.get(Subject.Q));
        values.put("{delegationId}", expiredDelegation);
        values.put("{me}", role.person == null ? "nobody" : role.person);
        values.put("{incidentId}", "no-such-incident");
        values.put("{keyId}", UUID.randomUUID().toString());
        values.put("{platformId}", UUID.randomUUID().toString());
        values.put("{employeeId}", "1004");
        values.put(
                "{courseId}", template.contains("/sessions") && !template.contains("/sessions/") ? "105" : "MATRIX-1");
        values.put("{sessionId}", "MATRIX-S1");
        values.put("{roleId}", "matrix-role");
        values.put("{departmentId}", "matrix-department");
        values.put("{group}", "matrix-group");
        // a learner's own progress, or a new member of a group nobody uses
        values.put("{username}", template.contains("/members/") ? "jules.gauthier" : "alice.martin");
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    @Test
    void everyOperationOfTheContractAndEveryApiMappingHasARow() throws IOException {
        Set<String> contract = contractOperations();
        assertThat(new TreeSet<>(rows.keySet()))
                .as("rows of the matrix vs operations of the contract")
                .containsExactlyInAnyOrderElementsOf(contract);
        // and what the running application really serves under /api: a mapping added in code alone needs a row too
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .forEach(path -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> served.add(method + " " + path))));
        assertThat(served).as("operations served under /api").isNotEmpty();
        assertThat(rows.keySet())
                .as("rows of the matrix vs operations served under /api")
                .containsAll(served);
    }

    @Test
    void everyCallerGetsExactlyWhatTheirRoleAllows() {
        List<String> mismatches = new ArrayList<>();
        List<Runnable> last = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Row> entry : rows.entrySet()) {
            Row row = entry.getValue();
            for (Role role : Role.values()) {
                Runnable call = () -> check(entry.getKey(), row, role, mismatches);
                if (row.last().contains(role)) {
                    last.add(call);
                } else {
                    call.run();
                }
                calls++;
            }
        }
        last.forEach(Runnable::run);
        assertThat(calls).isEqualTo(rows.size() * Role.values().length);
        assertThat(mismatches)
                .as("%d calls, mismatches (operation, caller: expected, got)", calls)
                .isEmpty();
    }

    @Test
    void rolesComeFromTheGroupStoreOnTheNextCallWhateverTheTokenSays() {
        Api theo = api("theo.mercier");
        Api admin = api("adam.david");
        assertThat(api("ella.lefebvre").get("/api/me").object().get("roles")).isEqualTo(List.of("AUDITOR", "USER"));
        assertThat(theo.get("/api/me").object().get("roles")).isEqualTo(List.of("USER"));
        assertThat(theo.get("/api/incidents").status()).isEqualTo(403);
        try {
            assertThat(admin.call("PUT", "/api/groups/admins/members/theo.mercier", null)
                            .status())
                    .isEqualTo(204);
            assertThat(theo.get("/api/me").object().get("roles")).isEqualTo(List.of("ADMIN", "USER"));
            assertThat(theo.get("/api/incidents").status()).isEqualTo(200);
        } finally {
            assertThat(admin.delete("/api/groups/admins/members/theo.mercier").status())
                    .isEqualTo(204);
        }
        assertThat(theo.get("/api/incidents").status()).isEqualTo(403);
    }

    private void check(String operation, Row row, Role role, List<String> mismatches) {
        String path = fill(row.path(), role);
        Api api = api(role);
        Api.Response response = row.body() == null
                ? api.call(row.method(), path, null)
                : api.call(row.method(), path, fill(row.body(), role));
        int got;
        if (row.outcome() == null) { // the inbox list: is the caller's task in it?
            if (response.status() != 200 || role.proof == Proof.NONE) {
                got = response.status();
            } else {
                String task = tasks.get(role.subject);
                got = response.list().stream().anyMatch(t -> task.equals(t.get("id"))) ? 1 : 0;
            }
        } else {
            got = row.outcome().apply(response);
        }
        Set<Integer> expected = row.expected(role);
        if (!expected.contains(got)) {
            String body = response.body() == null ? "" : response.body();
            mismatches.add(operation + ", " + role + " (" + role.person + "): expected " + expected + ", got " + got
                    + " " + body.substring(0, Math.min(200, body.length())));
        }
    }

    private static int firstOutcome(Api.Response response) {
        if (response.status() != 200) {
            return response.status();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results =
                (List<Map<String, Object>>) response.object().get("results");
        return ((Number) results.get(0).get("status")).intValue();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void row(String operation, String body, String scope, Map<Role, Set<Integer>> allowed, int otherwise) {
        String[] parts = operation.split(" ", 2);
        rows.put(
                operation,
                new Row(parts[0], parts[1], body, scope, allowed, otherwise, Api.Response::status, Set.of()));
    }

    private static Map<Role, Set<Integer>> allow(Set<Role> roles, Integer... statuses) {
        Map<Role, Set<Integer>> allowed = new EnumMap<>(Role.class);
        roles.forEach(role -> allowed.put(role, Set.of(statuses)));
        return allowed;
    }

    private static Map<Role, Set<Integer>> merge(Map<Role, Set<Integer>> first, Map<Role, Set<Integer>> second) {
        Map<Role, Set<Integer>> merged = new EnumMap<>(Role.class);
        merged.putAll(first);
        merged.putAll(second);
        return merged;
    }

    private static Set<Role> minus(Set<Role> roles, Role role) {
        Set<Role> rest = new LinkedHashSet<>(roles);
        rest.remove(role);
        return rest;
    }

    private static Set<Role> tokenRoles() {
        Set<Role> roles = new LinkedHashSet<>();
        for (Role role : Role.values()) {
            if (role.proof == Proof.TOKEN) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** "METHOD /path" of every operation in the contract. */
    @SuppressWarnings("unchecked")
    static Set<String> contractOperations() throws IOException {
        Path contract = RunningTrainflow.bpmnFolder().getParent().resolve("config/openapi/trainflow-api.yaml");
        Map<String, Object> spec = new Yaml().load(Files.readString(contract));
        Set<String> operations = new TreeSet<>();
        ((Map<String, Map<String, Object>>) spec.get("paths"))
                .forEach((path, item) -> item.keySet().stream()
                        .filter(method -> Set.of("get", "put", "post", "delete", "patch", "head", "options")
                                .contains(method))
                        .forEach(method -> operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        return operations;
    }
}

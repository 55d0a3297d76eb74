package io.trainflow.tests.parity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainflow.tests.crash.JarNodes;
import io.trainflow.tests.moodle.WireMockMoodle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trainflow jars driven over the REST API as the sample's people, as a user would: each call goes to the next node
 * in turn, so on two nodes the tasks are decided alternately on each. The clock is the demo clock ({@code POST
 * /api/sample/clock}, whole days), the LMS a WireMock Moodle in this JVM.
 */
final class JarTarget implements ParityTarget {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final String name;
    private final JarNodes nodes;
    private final WireMockMoodle moodle;
    private final AutoCloseable database;
    private final String jdbcUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger turn = new AtomicInteger();
    /** The demo clock's lead over real time (a fresh database starts at real time). */
    private volatile Duration lead = Duration.ZERO;

    /** {@code jdbcUrl}: the database the nodes share, read to see that no step is left to run. */
    JarTarget(String name, JarNodes nodes, WireMockMoodle moodle, AutoCloseable database, String jdbcUrl) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.nodes = nodes;
        this.moodle = moodle;
        this.database = database;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration patience() {
        return Duration.ofSeconds(90);
    }

    @Override
    public String request(String requester, String employeeId, String justification, List<String> courseIds) {
        return created(send(
                requester,
                "POST",
                "/api/requests",
                Map.of("employeeId", employeeId, "justification", justification, "requestedCourseIds", courseIds)));
    }

    @Override
    public String campaign(String requester, String department) {
        return created(send(requester, "POST", "/api/campaigns", Map.of("department", department)));
    }

    @Override
    public List<OpenTask> inbox(String user) {
        Answer answer = send(user, "GET", "/api/tasks?max=500", null);
        expect(answer, 200, "inbox of " + user);
        List<OpenTask> tasks = new ArrayList<>();
        for (JsonNode t : answer.body()) {
            String request = t.path("requestId").isTextual()
                    ? t.get("requestId").asText()
                    : t.path("campaign").asText(null);
            tasks.add(new OpenTask(
                    t.get("id").asText(),
                    t.get("elementId").asText(),
                    request,
                    t.path("assignee").isTextual() ? t.get("assignee").asText() : null));
        }
        return tasks;
    }

    @Override
    public boolean complete(String user, String taskId, Map<String, Object> variables) {
        Answer answer = send(user, "POST", "/api/tasks/" + taskId + "/complete", Map.of("variables", variables));
        if (answer.status() == 404) {
            return false;
        }
        expect(answer, 204, user + " completes task " + taskId);
        return true;
    }

    /** No async continuation or step job left (timers are in another table), read as ClusterFailoverTest does. */
    @Override
    public void settle() {
        long deadline = System.nanoTime() + patience().toNanos();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            while (runnableJobs(db) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("steps still to run after " + patience() + ":\n" + nodes.tails());
                }
                Thread.sleep(250);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int runnableJobs(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT (SELECT COUNT(*) FROM ACT_RU_JOB)" + " + (SELECT COUNT(*) FROM ACT_RU_EXTERNAL_JOB)")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public Instant advance(Duration duration) {
        if (duration.toHours() % 24 != 0) {
            throw new IllegalArgumentException("the demo clock moves in whole days: " + duration);
        }
        Answer answer = send("adam.david", "POST", "/api/sample/clock", Map.of("days", duration.toDays()));
        expect(answer, 200, "time travel");
        Instant moved = OffsetDateTime.parse(answer.body().get("now").asText()).toInstant();
        lead = Duration.between(Instant.now(), moved);
        awaitEveryNodeAt(moved);
        return moved;
    }

    /**
     * The other nodes take the move from the database within a second; a step they complete before that would set
     * its timers from the old time, so nothing goes on until every node shows the moved clock.
     */
    private void awaitEveryNodeAt(Instant moved) {
        long deadline = System.nanoTime() + patience().toNanos();
        for (String node : nodes.baseUrls()) {
            while (true) {
                Answer answer = send(node, "adam.david", "GET", "/api/sample/clock", null);
                expect(answer, 200, "clock of " + node);
                Instant at =
                        OffsetDateTime.parse(answer.body().get("now").asText()).toInstant();
                if (!at.isBefore(moved)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(node + " still shows " + at + " after the clock moved to " + moved);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Instant now() {
        return Instant.now().plus(lead);
    }

    /**
     * The sample HCM keeps its organisation in each node's memory (README: not for several nodes), so the change is
     * made on every node, as a real HCM would be seen by all; each tells its engine, as the HCM sync would.
     */
    @Override
    public void changeManager(String employeeId, String managerUsername) {
        for (String node : nodes.baseUrls()) {
            Answer answer = send(
                    node,
                    "adam.david",
                    "PUT",
                    "/api/sample/employees/" + employeeId + "/supervisor",
                    Map.of("managerUsername", managerUsername));
            expect(answer, 204, "supervisor of " + employeeId + " on " + node);
        }
    }

    @Override
    public void progressChanged() {
        // each node polls Moodle for completions every 5 s (the crash harness's setting)
    }

    @Override
    public Optional<Status> status(String key) {
        // L&D may read every request and programme
        Answer answer = send("thomas.rousseau", "GET", "/api/requests/" + key, null);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        expect(answer, 200, "status of " + key);
        Map<String, Object> variables = JSON.convertValue(answer.body().path("variables"), MAP);
        return Optional.of(new Status("ended".equals(answer.body().path("state").asText()), variables));
    }

    /** What the engine waits on, read from the engine's tables (so a task nobody sees shows too), and the logs. */
    @Override
    public String openTasks() {
        StringBuilder open = new StringBuilder();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SELECT T.TASK_DEF_KEY_, T.ASSIGNEE_, T.CREATE_TIME_,"
                        + " E.BUSINESS_KEY_, (SELECT STRING_AGG(COALESCE(L.USER_ID_, L.GROUP_ID_), ',')"
                        + " FROM ACT_RU_IDENTITYLINK L WHERE L.TASK_ID_ = T.ID_) AS CANDIDATES"
                        + " FROM ACT_RU_TASK T LEFT JOIN ACT_RU_EXECUTION E ON E.ID_ = T.PROC_INST_ID_"
                        + " ORDER BY T.CREATE_TIME_")) {
            while (rs.next()) {
                open.append(String.format(
                        "%n  %s %s assignee=%s candidates=%s created=%s",
                        rs.getString(4), rs.getString(1), rs.getString(2), rs.getString(5), rs.getTimestamp(3)));
            }
        } catch (SQLException e) {
            open.append(" (not readable: ").append(e.getMessage()).append(')');
        }
        return open + "\n" + nodes.tails();
    }

    @Override
    public WireMockMoodle moodle() {
        return moodle;
    }

    @Override
    public void close() throws Exception {
        try (AutoCloseable db = database;
                WireMockMoodle m = moodle) {
            nodes.close();
        }
    }

    private record Answer(int status, JsonNode body) {}

    private Answer send(String user, String method, String path, Object body) {
        List<String> urls = nodes.baseUrls();
        return send(urls.get(Math.floorMod(turn.getAndIncrement(), urls.size())), user, method, path, body);
    }

    private Answer send(String base, String user, String method, String path, Object body) {
        String auth =
                Base64.getEncoder().encodeToString((user + ":" + JarNodes.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Basic " + auth)
                    .timeout(Duration.ofSeconds(60));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String created(Answer answer) {
        expect(answer, 201, "start");
        return answer.body().get("businessKey").asText();
    }

    private static void expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new AssertionError(
                    what + ": expected HTTP " + status + ", got " + answer.status() + " " + answer.body());
        }
    }
}

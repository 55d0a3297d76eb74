package io.trainflow.plugin;

import io.trainflow.plugin.inbox.TaskInbox;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.InboxFilter;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flowable.engine.ProcessEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test): one approver with N open tasks. Inbox list latency (the service, and over HTTP with
 * JSON and sign-in) against a plain SQL query on the engine's task table in the same order, then the /inbox page's
 * weight and time to its first task row in headless Chromium. Run:
 * {@code mvn -B -o test-compile exec:java -pl plugin -Dexec.classpathScope=test -Dexec.mainClass=io.trainflow.plugin.InboxBench
 * -Dexec.args="10000 200"} (tasks, rounds; then any number of databases, each H2 URL settings starting with {@code ;} or a
 * whole JDBC URL starting with {@code jdbc:}, measured one after the other in the same run; {@code no-browser} leaves out
 * the page in Chromium; {@code postgres} starts Debian's PostgreSQL for the run; {@code sample=<n>} creates n tasks through the engine and the rest as copies of their rows).
 *
 * <p>Filling: the first {@code sample} tasks are started through the engine (each its own process instance, on four
 * threads). The rest are copies, by batched SQL, of exactly the rows the engine and Trainflow wrote for a sample task
 * in the tables the inbox reads ({@code ACT_RU_TASK}, the task's own {@code ACT_RU_VARIABLE} rows, its
 * {@code ACT_RU_IDENTITYLINK} rows, {@code tf_inbox_fact}, {@code tf_inbox_excluded}), with a fresh id, created and
 * due an hour earlier per copy round, and another person's name and id in the facts. A copy shares its sample's
 * process instance and execution (no execution, process variables or history rows of its own): nothing the list reads.
 */
public final class InboxBench {

    private static final String APPROVER = "sophie.laurent";
    private static final String PASSWORD = "bench-password";
    private static final String[] DEPARTMENTS = {"engineering", "sales", "support", "hr"};

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<String> databases = new ArrayList<>();
        boolean browser = true;
        int sample = tasks;
        for (int i = 2; i < args.length; i++) {
            if ("no-browser".equals(args[i])) {
                browser = false;
            } else if (args[i].startsWith("sample=")) {
                sample = Math.min(tasks, Integer.parseInt(args[i].substring("sample=".length())));
            } else {
                databases.add(args[i]);
            }
        }
        if (databases.isEmpty()) {
            // H2 hands back a repeated query's previous result while its tables are unchanged;
            // OPTIMIZE_REUSE_RESULTS=FALSE
            // makes every call run its query, for the service and the plain SQL alike (QUERY_CACHE_SIZE=0, used before,
            // also threw away the parsed statements the application keeps, which cost a complex query more than a plain
            // one)
            databases.add(";OPTIMIZE_REUSE_RESULTS=FALSE");
        }
        for (String database : databases) {
            if ("postgres".equals(database)) {
                // Debian's PostgreSQL, a private cluster for this run (as the database tests start it)
                try (BenchPostgres postgres = BenchPostgres.start()) {
                    System.out.println("## PostgreSQL " + postgres.version() + " (private cluster, fsync=off)");
                    run(postgres.jdbcUrl(), tasks, sample, rounds, browser);
                }
                continue;
            }
            String url = database.startsWith("jdbc:")
                    ? database
                    : "jdbc:h2:mem:inbox-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + database;
            System.out.println("## " + (url.startsWith("jdbc:h2") ? "H2 (in memory)" : url.replaceAll("\\?.*", "")));
            run(url, tasks, sample, rounds, browser);
        }
    }

    private static void run(String url, int tasks, int sample, int rounds, boolean browser) throws Exception {
        ConfigurableApplicationContext app = SpringApplication.run(
                TrainflowApplication.class,
                "--spring.datasource.url=" + url,
                "--trainflow.demo-password=" + PASSWORD,
                "--trainflow.bpmn-dir=" + RunningTrainflow.bpmnFolder(),
                "--trainflow.progress-sync=PT12H",
                "--trainflow.hcm-sync=PT12H",
                "--server.port=0",
                "--trainflow.notifications.enabled=false",
                "--logging.level.root=WARN");
        try {
            ProcessEngine engine = app.getBean(TrainflowEngine.class).flowable();
            TaskInbox inbox = app.getBean(TaskInbox.class);
            DataSource db = app.getBean(DataSource.class);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            // the approval form goes with it, as with every deployment (lint checks that the task's form is deployed)
            engine.getRepositoryService()
                    .createDeployment()
                    .addString("inbox-bench.bpmn", bpmn())
                    .addBytes(
                            "approval.form",
                            java.nio.file.Files.readAllBytes(
                                    RunningTrainflow.bpmnFolder().resolve("approval.form")))
                    .deploy();
            long start = System.nanoTime();
            // four threads: each start is its own transaction, and a busy machine gives more threads more of its time
            java.util.concurrent.ExecutorService creators = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> created = new ArrayList<>();
            for (int n = 0; n < sample; n++) {
                int i = n;
                created.add(creators.submit(() -> {
                    Map<String, Object> vars = new HashMap<>();
                    String employee = String.valueOf(100_000 + i);
                    vars.put("requestId", "BENCH-" + i);
                    vars.put("employeeId", employee);
                    vars.put("requestedBy", "bench.requester");
                    vars.put("pathCost", 450 + i % 7 * 100);
                    vars.put(
                            "profile",
                            Map.of(
                                    "employeeId",
                                    employee,
                                    "displayName",
                                    "Person " + i,
                                    "username",
                                    "person." + i,
                                    "department",
                                    DEPARTMENTS[i % DEPARTMENTS.length],
                                    "jobTitle",
                                    "Analyst",
                                    "roleId",
                                    "analyst"));
                    engine.getRuntimeService().startProcessInstanceByKey("inbox-bench", "BENCH-" + i, vars);
                }));
            }
            for (java.util.concurrent.Future<?> done : created) {
                done.get();
            }
            creators.shutdown();
            System.out.printf(
                    Locale.ROOT,
                    "created %d open tasks for %s through the engine in %.1f s%n",
                    sample,
                    APPROVER,
                    (System.nanoTime() - start) / 1e9);
            if (tasks > sample) {
                start = System.nanoTime();
                BenchCopies.copy(db, APPROVER, sample, tasks);
                System.out.printf(
                        Locale.ROOT,
                        "copied their rows up to %d open tasks in %.1f s%n",
                        tasks,
                        (System.nanoTime() - start) / 1e9);
            }
            BenchCopies.analyze(db);
            // H2 keeps a query's last result and hands it back while none of its tables changed (the URL setting
            // OPTIMIZE_REUSE_RESULTS=FALSE did not stop it inside the application): an untimed one-row write to the
            // task table before every timed call makes each call run its query, on both databases alike
            String touched = BenchCopies.anyTask(db, APPROVER);
            beforeEachCall = () -> BenchCopies.touch(db, touched);

            List<String> groups = List.copyOf(app.getBean(Directory.class).groupsOf(APPROVER));
            java.time.Instant week = java.time.Instant.now().plus(java.time.Duration.ofDays(7));
            int deepAt = Math.min(5_000, tasks / 2); // the page before it gives the cursor
            // the baseline the issue names: what a hand-written inbox would run on the engine's task table
            report("SQL on ACT_RU_TASK: first 50", rounds, () -> plainSql(db, groups, "", null, 0));
            report("SQL on ACT_RU_TASK: 50 from row " + deepAt, rounds, () -> plainSql(db, groups, "", null, deepAt));
            report(
                    "SQL on ACT_RU_TASK: first 50 of task type 'approve'",
                    rounds,
                    () -> plainSql(db, groups, " AND RES.TASK_DEF_KEY_ = ?", "approve", 0));
            report(
                    "SQL on ACT_RU_TASK: first 50 due within a week",
                    rounds,
                    () -> plainSql(db, groups, " AND RES.DUE_DATE_ < ?", java.sql.Timestamp.from(week), 0));
            // for comparison: the same approver's assigned tasks only, walking Trainflow's inbox index
            report("SQL, assigned only, on Trainflow's inbox index: first 50", rounds, () -> sql(db, 0));
            String deep = inbox.page(APPROVER, deepAt - 50, 50).after();
            report(
                    "inbox: first 50",
                    rounds,
                    () -> inbox.page(APPROVER, 0, 50).tasks().size());
            report(
                    "inbox: 50 after position " + deepAt + " (cursor)",
                    rounds,
                    () -> inbox.pageAfter(APPROVER, deep, 50, InboxFilter.NONE)
                            .tasks()
                            .size());
            report(
                    "inbox: 50 from position " + deepAt + " (offset)",
                    rounds,
                    () -> inbox.page(APPROVER, deepAt, 50).tasks().size());
            filtered(inbox, rounds, "task type 'approve'", new InboxFilter("approve", null, null, null, null));
            filtered(inbox, rounds, "due within a week", new InboxFilter(null, "week", null, null, null));
            filtered(inbox, rounds, "department 'sales'", new InboxFilter(null, null, "sales", null, null));
            filtered(
                    inbox,
                    rounds,
                    "campaign (one task in ten)",
                    new InboxFilter(null, null, null, BenchCopies.CAMPAIGN, null));
            filtered(inbox, rounds, "name 'person 4321'", new InboxFilter(null, null, null, null, "person 4321"));
            filtered(
                    inbox,
                    rounds,
                    "name 'PÉRSON 4321' (case, accent)",
                    new InboxFilter(null, null, null, null, "PÉRSON 4321"));
            filtered(inbox, rounds, "id '104321'", new InboxFilter(null, null, null, null, "104321"));
            filtered(inbox, rounds, "name 'person' (every task)", new InboxFilter(null, null, null, null, "person"));
            HttpClient http = HttpClient.newHttpClient();
            String basic = "Basic "
                    + Base64.getEncoder().encodeToString((APPROVER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            report("GET /api/tasks?max=50 over HTTP (sign-in, JSON)", rounds, () -> {
                try {
                    return http.send(
                                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks?max=50"))
                                            .header("Authorization", basic)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body()
                            .length();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            if (browser) {
                pageInChromium(port, 5);
            }
        } finally {
            app.close();
        }
    }

    private static void filtered(TaskInbox inbox, int rounds, String what, InboxFilter filter) {
        report(
                "inbox: first 50, " + what,
                rounds,
                () -> inbox.page(APPROVER, 0, 50, filter).tasks().size());
    }

    /**
     * A hand-written inbox on the engine's tables: the approver's open tasks, assigned or offered to them or their
     * groups (Flowable's own "candidate or assigned" query), oldest due first, one page.
     */
    private static int plainSql(DataSource db, List<String> groups, String condition, Object value, int offset) {
        String in = groups.isEmpty()
                ? ""
                : " OR L.GROUP_ID_ IN (" + String.join(", ", java.util.Collections.nCopies(groups.size(), "?")) + ")";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT RES.ID_, RES.NAME_, RES.TASK_DEF_KEY_, RES.ASSIGNEE_,"
                        + " RES.CREATE_TIME_, RES.DUE_DATE_, RES.PRIORITY_ FROM ACT_RU_TASK RES WHERE (RES.ASSIGNEE_ = ?"
                        + " OR (RES.ASSIGNEE_ IS NULL AND EXISTS (SELECT L.ID_ FROM ACT_RU_IDENTITYLINK L WHERE L.TASK_ID_ = RES.ID_"
                        + " AND L.TYPE_ = 'candidate' AND (L.USER_ID_ = ?" + in + "))))" + condition
                        + " ORDER BY RES.DUE_DATE_ ASC NULLS LAST, RES.PRIORITY_ DESC, RES.CREATE_TIME_ ASC, RES.ID_ ASC"
                        + " OFFSET ? ROWS FETCH NEXT 50 ROWS ONLY")) {
            int i = 1;
            ps.setString(i++, APPROVER);
            ps.setString(i++, APPROVER);
            for (String group : groups) {
                ps.setString(i++, group);
            }
            if (value != null) {
                ps.setObject(i++, value);
            }
            ps.setInt(i, offset);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int sql(DataSource db, int offset) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ID_, NAME_, ASSIGNEE_, CREATE_TIME_,"
                        + " DUE_DATE_ FROM ACT_RU_TASK WHERE ASSIGNEE_ = ? ORDER BY ASSIGNEE_, DUE_DATE_ ASC NULLS LAST, PRIORITY_ DESC, CREATE_TIME_, ID_"
                        + " OFFSET ? ROWS FETCH NEXT 50 ROWS ONLY")) {
            ps.setString(1, APPROVER);
            ps.setInt(2, offset);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Set per database: a write to the task table before each timed call, so H2 cannot hand back a previous result. */
    private static Runnable beforeEachCall = () -> {};

    private static void report(String what, int rounds, Supplier<Integer> call) {
        for (int i = 0; i < 10; i++) {
            beforeEachCall.run();
            call.get();
        }
        List<Long> micros = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < rounds; i++) {
            beforeEachCall.run();
            long t = System.nanoTime();
            size = call.get();
            micros.add((System.nanoTime() - t) / 1_000);
        }
        micros.sort(Long::compare);
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.2f ms | %.2f ms | %d |%n",
                what,
                rounds,
                micros.get(rounds / 2) / 1000.0,
                micros.get((int) Math.ceil(rounds * 0.95) - 1) / 1000.0,
                size);
    }

    /** Page weight (bytes on the wire, all resources) and time to the first task row, median of {@code runs} loads. */
    @SuppressWarnings("unchecked")
    private static void pageInChromium(int port, int runs) {
        try (Chromium browser = new Chromium(port)) {
            browser.signIn(APPROVER, PASSWORD);
            List<Double> ready = new ArrayList<>();
            Map<String, Object> weight = null;
            for (int i = 0; i < runs; i++) {
                browser.script("performance.clearResourceTimings()");
                browser.open("/inbox");
                browser.waiting()
                        .until(d -> Boolean.TRUE.equals(
                                browser.script("return performance.getEntriesByName('tf-inbox-ready').length > 0")));
                ready.add(
                        ((Number) browser.script("return performance.getEntriesByName('tf-inbox-ready')[0].startTime"))
                                .doubleValue());
                Map<String, Object> load = (Map<String, Object>)
                        browser.script("const nav = performance.getEntriesByType('navigation')[0];"
                                + " const res = performance.getEntriesByType('resource');"
                                + " return {requests: res.length + 1, transfer: res.reduce((s, r) => s + r.transferSize, nav.transferSize),"
                                + " decoded: res.reduce((s, r) => s + r.decodedBodySize, nav.decodedBodySize),"
                                + " domInteractive: nav.domInteractive};");
                if (i == 0) {
                    weight = load;
                }
            }
            ready.sort(Double::compare);
            System.out.printf(
                    Locale.ROOT,
                    "/inbox in headless Chromium after sign-in (its scripts and styles cached by then; median of %d loads):"
                            + " first task row at %.0f ms (min %.0f, max %.0f), DOM interactive %s ms (first load); first load: %s requests, %s bytes"
                            + " transferred, %s bytes decoded%n",
                    runs,
                    ready.get(runs / 2),
                    ready.get(0),
                    ready.get(runs - 1),
                    weight.get("domInteractive"),
                    weight.get("requests"),
                    weight.get("transfer"),
                    weight.get("decoded"));
        }
    }

    private static String bpmn() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="inbox-bench-definitions" targetNamespace="http://trainflow.io/bench">
                  <bpmn:process id="inbox-bench" name="Inbox benchmark" isExecutable="true">
                    <bpmn:startEvent id="start"><bpmn:outgoing>to-approve</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:userTask id="approve" name="Approve training request">
                      <bpmn:extensionElements>
                        <zeebe:userTask />
                        <zeebe:formDefinition formId="approval" />
                        <zeebe:assignmentDefinition assignee="%s" />
                      </bpmn:extensionElements>
                      <bpmn:incoming>to-approve</bpmn:incoming><bpmn:outgoing>to-end</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:boundaryEvent id="escalate" attachedToRef="approve">
                      <bpmn:outgoing>to-escalated</bpmn:outgoing>
                      <bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:boundaryEvent>
                    <bpmn:endEvent id="escalated"><bpmn:incoming>to-escalated</bpmn:incoming></bpmn:endEvent>
                    <bpmn:endEvent id="end"><bpmn:incoming>to-end</bpmn:incoming></bpmn:endEvent>
                    <bpmn:sequenceFlow id="to-approve" sourceRef="start" targetRef="approve" />
                    <bpmn:sequenceFlow id="to-end" sourceRef="approve" targetRef="end" />
                    <bpmn:sequenceFlow id="to-escalated" sourceRef="escalate" targetRef="escalated" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(APPROVER);
    }
}

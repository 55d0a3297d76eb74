package io.trainflow.plugin;

import io.trainflow.plugin.security.KeycloakServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark, not a test (run on demand: {@code -Dtest=SignInBenchmark}): p50/p95 of {@code GET /api/tasks}
 * and of a task completion signed in by HTTP Basic with the demo password (a bcrypt check per call) and by
 * a Keycloak JWT bearer token (a signature check per call), on the same database: 2 x TASKS approvals
 * waiting for the same manager, half completed in each phase. Results: stdout and
 * target/sign-in-benchmark.txt.
 */
class SignInBenchmark {

    private static final int TASKS = 20;
    private static final int WARM_UP = 20;
    private static final int READS = 200;
    private static final int FLOOD_ATTEMPTS = 500;
    private static final String PASSWORD = "bench-password";
    private static final String APPROVE = "{\"variables\": {\"decision\": \"approve\", \"comment\": \"ok\"}}";

    @Test
    void basicAgainstBearer() throws IOException {
        Path dir =
                Files.createDirectories(Path.of("target", "sign-in-benchmark").toAbsolutePath());
        String db = "jdbc:h2:file:" + dir.resolve("db-" + System.nanoTime()) + ";DB_CLOSE_DELAY=-1";
        KeycloakServer.get();
        List<String> report = new ArrayList<>();
        report.add("cores " + Runtime.getRuntime().availableProcessors() + ", load average "
                + Files.readString(Path.of("/proc/loadavg")).trim());

        // as before the brake: no delays, every guess hashed, as many at once as come in
        try (ConfigurableApplicationContext unbraked = start(
                db,
                Map.of(
                        "trainflow.demo-password",
                        PASSWORD,
                        "trainflow.sign-in.throttle.free-account-failures",
                        "1000000",
                        "trainflow.sign-in.throttle.free-address-failures",
                        "1000000",
                        "trainflow.sign-in.throttle.concurrent-password-checks",
                        "200"))) {
            int port = port(unbraked);
            Api alice = new Api(port, "alice.martin", PASSWORD);
            for (int i = 0; i < 2 * TASKS; i++) {
                Api.Response started = alice.post("/api/requests", "{\"employeeId\": \"1004\"}");
                if (started.status() != 201) {
                    throw new AssertionError(started.toString());
                }
            }
            awaitTasks(new Api(port, "sophie.laurent", PASSWORD), 2 * TASKS);
            report.addAll(flood("no brake", port));
        }
        try (ConfigurableApplicationContext basic = start(db, Map.of("trainflow.demo-password", PASSWORD))) {
            int port = port(basic);
            // Sophie works from her usual address: guesses at her account from elsewhere must not keep her out
            Api sophie = new Api(port, "sophie.laurent", PASSWORD);
            if (sophie.get("/api/me").status() != 200) {
                throw new AssertionError("Sophie cannot sign in");
            }
            report.addAll(flood("brake", port));
            report.addAll(measure("Basic (demo password, bcrypt)", sophie));
        }
        try (ConfigurableApplicationContext bearer = start(
                db,
                Map.of("trainflow.sign-in.oidc.issuer-uri", KeycloakServer.get().issuer()))) {
            // a fresh token: the realm's tokens live 10 minutes
            Api sophie = new Api(
                    "http://localhost:" + port(bearer),
                    "Bearer " + KeycloakServer.get().token("sophie.laurent"),
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build());
            report.addAll(measure("JWT bearer (Keycloak, RS256)", sophie));
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "sign-in-benchmark.txt"), report);
    }

    private static List<String> measure(String label, Api sophie) {
        for (int i = 0; i < WARM_UP; i++) {
            sophie.get("/api/tasks");
        }
        int inbox = sophie.get("/api/tasks?max=500").list().size();
        List<Long> reads = time(READS, () -> sophie.get("/api/tasks"));
        List<String> taskIds = sophie.get("/api/tasks?max=500").list().stream()
                .filter(t -> "approve".equals(t.get("elementId")))
                .map(t -> String.valueOf(t.get("id")))
                .limit(TASKS)
                .toList();
        List<Long> completions = new ArrayList<>();
        for (String id : taskIds) {
            completions.addAll(time(1, () -> {
                Api.Response done = sophie.post("/api/tasks/" + id + "/complete", APPROVE);
                if (done.status() != 204) {
                    throw new AssertionError(done.toString());
                }
                return done;
            }));
        }
        return List.of(
                label + ": GET /api/tasks (" + READS + " calls, inbox of " + inbox + ") " + percentiles(reads),
                label + ": POST /api/tasks/{id}/complete (" + completions.size() + " calls) "
                        + percentiles(completions));
    }

    /**
     * GET /api/tasks by API key (no password hash) alone, then while 4 threads send wrong passwords for
     * every sample account from a new address each time (a spread-out guessing flood; bounded to
     * FLOOD_ATTEMPTS calls and 90 s).
     */
    private static List<String> flood(String label, int port) {
        Api.Response key = new Api(port, "adam.david", PASSWORD)
                .post(
                        "/api/admin/api-keys",
                        "{\"name\": \"bench\", \"username\": \"sophie.laurent\", \"scopes\": [\"tasks:read\"]}");
        Api sophie = new Api(port, null, null)
                .with("X-API-Key", String.valueOf(key.object().get("key")));
        for (int i = 0; i < WARM_UP; i++) {
            sophie.get("/api/tasks");
        }
        List<Long> quiet = time(READS, () -> sophie.get("/api/tasks"));
        List<String> accounts = List.of(
                "alice.martin",
                "sophie.laurent",
                "zoe.vincent",
                "hugo.roux",
                "marc.bernard",
                "julie.lambert",
                "lucas.moreau",
                "ines.legrand",
                "nicolas.faure",
                "claire.dubois");
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Map<Integer, Integer> answers = new java.util.concurrent.ConcurrentHashMap<>();
        Instant stop = Instant.now().plusSeconds(90);
        List<Thread> guessers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread guesser = new Thread(() -> {
                int n;
                while ((n = sent.getAndIncrement()) < FLOOD_ATTEMPTS
                        && Instant.now().isBefore(stop)) {
                    Api.Response r = new Api(port, accounts.get(n % accounts.size()), "guess-" + n)
                            .with("X-Forwarded-For", "198.18." + (n / 250) + "." + (n % 250 + 1))
                            .get("/api/tasks");
                    answers.merge(r.status(), 1, Integer::sum);
                }
            });
            guesser.start();
            guessers.add(guesser);
        }
        long floodStart = System.nanoTime();
        List<Long> flooded = new ArrayList<>();
        while (guessers.stream().anyMatch(Thread::isAlive)) {
            flooded.addAll(time(1, () -> sophie.get("/api/tasks")));
        }
        double floodSeconds = (System.nanoTime() - floodStart) / 1e9;
        return List.of(
                label + ": API key: GET /api/tasks, quiet (" + READS + " calls) " + percentiles(quiet),
                label + ": API key: GET /api/tasks during a flood of " + Math.min(sent.get(), FLOOD_ATTEMPTS)
                        + " wrong passwords in " + String.format("%.0f", floodSeconds) + " s from 4 threads, a new"
                        + " address each (answers " + answers + "), " + flooded.size() + " calls "
                        + percentiles(flooded));
    }

    private static List<Long> time(int times, Supplier<Api.Response> call) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            Api.Response response = call.get();
            micros.add((System.nanoTime() - start) / 1000);
            if (response.status() >= 400) {
                throw new AssertionError(response.toString());
            }
        }
        return micros;
    }

    private static String percentiles(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms", at(sorted, 0.50) / 1000.0, at(sorted, 0.95) / 1000.0);
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static void awaitTasks(Api manager, int count) {
        Instant deadline = Instant.now().plusSeconds(300);
        while (manager.get("/api/tasks?max=500").list().stream()
                        .filter(t -> "approve".equals(t.get("elementId")))
                        .count()
                < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(count + " approvals did not reach the manager within 5 minutes");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static ConfigurableApplicationContext start(String db, Map<String, Object> signIn) {
        Map<String, Object> properties = new java.util.HashMap<>(signIn);
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", db);
        properties.put("trainflow.bpmn-dir", RunningTrainflow.bpmnFolder().toString());
        properties.put("trainflow.progress-sync", "PT12H");
        properties.put("trainflow.hcm-sync", "PT12H");
        properties.put("server.forward-headers-strategy", "native");
        // as arguments: they outrank application.yml (builder properties are only defaults)
        return new SpringApplicationBuilder(TrainflowApplication.class)
                .run(properties.entrySet().stream()
                        .map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}

package io.trainflow.plugin.security;

import io.trainflow.connectors.sample.SampleOrganisation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak for the sign-in tests: the server distribution that the build unpacks into
 * target/keycloak ({@code keycloak.home}), started once per test JVM on loopback at a free port with the
 * realm of {@link KeycloakRealm} ({@code kc.sh start-dev}, on a JDK 21 or newer), and stopped when the
 * JVM ends. {@link #token(String)} signs a sample person in (password grant) for a real signed token.
 */
public final class KeycloakServer {

    /** Every sample person's password at this Keycloak. */
    public static final String PASSWORD = "keycloak-test-password";

    /** The secret of the realm's confidential clients (trainflow, trainflow-short, other-app). */
    public static final String CLIENT_SECRET = KeycloakRealm.CLIENT_SECRET;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KeycloakServer running;

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The one Keycloak of this JVM, started on first use (20 s to a few minutes on a busy machine). */
    public static synchronized KeycloakServer get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "keycloak-stop"));
        }
        return running;
    }

    /** The realm's issuer as Trainflow is configured with it. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + KeycloakRealm.NAME;
    }

    /** The same realm reached by another host name: Keycloak then issues tokens under another issuer. */
    public String otherIssuer() {
        return "http://localhost:" + port + "/realms/" + KeycloakRealm.NAME;
    }

    /** An access token for a sample person, from Trainflow's client. */
    public String token(String username) {
        return token(issuer(), "trainflow", username);
    }

    /** An access token from a client of the realm at an issuer URL (password grant). */
    public String token(String issuer, String clientId, String username) {
        String form = Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        clientId,
                        "client_secret",
                        KeycloakRealm.CLIENT_SECRET,
                        "username",
                        username,
                        "password",
                        PASSWORD,
                        "scope",
                        "openid")
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .timeout(Duration.ofSeconds(60))
                        .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + username + " (" + clientId + "): "
                    + response.statusCode() + " " + response.body());
        }
        return String.valueOf(JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {})
                .get("access_token"));
    }

    private static KeycloakServer start() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.4.0"))
                .toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + ": the build unpacks it (mvn generate-test-resources -pl plugin)");
        }
        Path javaHome = javaHome();
        try {
            // a fresh database each run, so the realm below is the one imported
            deleteTree(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(
                    imports.resolve(KeycloakRealm.NAME + "-realm.json"),
                    JSON.writeValueAsString(KeycloakRealm.of(SampleOrganisation.fromClasspath())));
            int port = freePort();
            Path log = home.resolve("keycloak-test.log");
            ProcessBuilder builder = new ProcessBuilder(
                            "bash",
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--import-realm",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--http-management-port=" + freePort())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", javaHome.toString());
            // quicker start; the opens keep its thread pools working on Java 24+
            builder.environment()
                    .put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 --add-opens=java.base/java.lang=ALL-UNNAMED");
            KeycloakServer server = new KeycloakServer(builder.start(), port, log);
            server.awaitRealm();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRealm() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting:\n" + tail());
            }
            try {
                if (HTTP.send(
                                        HttpRequest.newBuilder(discovery)
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        stop();
        throw new IllegalStateException(
                "Keycloak did not serve realm " + KeycloakRealm.NAME + " within " + START_TIMEOUT + ":\n" + tail());
    }

    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A JDK Keycloak runs on: keycloak.java.home, else Temurin 25, else any JDK 21+ under /usr/lib/jvm. */
    private static Path javaHome() {
        Optional<Path> configured = Optional.ofNullable(System.getProperty("keycloak.java.home"))
                .or(() -> Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")))
                .map(Path::of);
        if (configured.isPresent()) {
            return configured.get();
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && featureVersion(jdk) >= 21)
                    .max(Comparator.comparingInt(KeycloakServer::featureVersion))
                    .orElseThrow(() -> new IllegalStateException(
                            "Keycloak needs a JDK 21 or newer: none under" + " /usr/lib/jvm (set KEYCLOAK_JAVA_HOME)"));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak needs a JDK 21 or newer: set KEYCLOAK_JAVA_HOME", e);
        }
    }

    private static int featureVersion(Path jdk) {
        try {
            return Files.readAllLines(jdk.resolve("release")).stream()
                    .filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> l.replaceAll("[^0-9.]", "").split("\\.")[0])
                    .map(Integer::parseInt)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

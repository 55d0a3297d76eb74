package io.trainflow.tests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for tests, started from the Debian packages' binaries in a
 * temporary folder on a free loopback port, and removed afterwards. As root (CI) it runs as the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path data, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = findBin();
        Path data = Files.createTempDirectory("trainflow-pg");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "postgres", data.toString()), false);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, data, port, root);
        server.exec(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data.resolve("db").toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-sync"));
        server.exec(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.resolve("db").toString(),
                "-w",
                "-l",
                data.resolve("log").toString(),
                "-o",
                "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"));
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** The postmaster's process id (its children, the backends, are counted in its CPU once they end). */
    public long pid() throws IOException {
        return Long.parseLong(
                Files.readAllLines(data.resolve("db/postmaster.pid")).get(0).strip());
    }

    private static Path findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                for (Path version :
                        versions.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (Files.isExecutable(version.resolve("bin/initdb"))) {
                        return version.resolve("bin");
                    }
                }
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql: "
                + "install them with 'apt-get install -y postgresql' (.ci/run does)");
    }

    private void exec(List<String> command) throws IOException, InterruptedException {
        run(command, asPostgresUser);
    }

    private static void run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' failed: " + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            exec(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    data.resolve("db").toString(),
                    "-m",
                    "immediate",
                    "-w",
                    "stop"));
        } finally {
            run(List.of("rm", "-rf", data.toString()), false);
        }
    }
}

package io.trainflow.plugin;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * For {@link InboxBench}: a private PostgreSQL from the Debian package's binaries (newest under
 * {@code /usr/lib/postgresql}) in a temporary folder on a free loopback port, removed afterwards; as root it runs as
 * {@code postgres}. The tests module's {@code PostgresServer} does the same, but the plugin cannot see that module
 * (it depends on the plugin).
 */
final class BenchPostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;

    private BenchPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    static BenchPostgres start() throws IOException, InterruptedException {
        Path bin;
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.sorted(java.util.Comparator.reverseOrder())
                    .map(version -> version.resolve("bin"))
                    .filter(path -> Files.isExecutable(path.resolve("initdb")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql"));
        }
        Path data = Files.createTempDirectory("trainflow-bench-pg");
        if (root()) {
            run(List.of("chown", "-R", "postgres", data.toString()), false);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        BenchPostgres server = new BenchPostgres(bin, data, port);
        String db = data.resolve("db").toString();
        run(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        db,
                        "-U",
                        "postgres",
                        "--auth=trust",
                        "--encoding=UTF8",
                        "--no-sync"),
                root());
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        db,
                        "-w",
                        "-l",
                        data.resolve("log").toString(),
                        "-o",
                        "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off",
                        "start"),
                root());
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    String version() {
        return bin.getParent().getFileName().toString();
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(asPostgres ? List.of("runuser", "-u", "postgres", "--") : List.of());
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
            run(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            data.resolve("db").toString(),
                            "-m",
                            "immediate",
                            "-w",
                            "stop"),
                    root());
        } finally {
            run(List.of("rm", "-rf", data.toString()), false);
        }
    }
}

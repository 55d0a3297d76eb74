package io.trainflow.bench.durability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/** Single-row commits per second on an H2 file with the given URL options: the raw cost of writing each commit. */
final class CommitRate {

    private CommitRate() {}

    static double perSecond(Path dir, String options, int commits) throws Exception {
        Files.createDirectories(dir);
        String url =
                "jdbc:h2:file:" + dir.resolve("commits-" + System.nanoTime()).toAbsolutePath() + options;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR(200))");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < commits; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "decision " + i);
                    insert.executeUpdate();
                    c.commit();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            return commits / seconds;
        }
    }
}

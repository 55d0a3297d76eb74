package io.trainflow.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's default database (application.yml's H2 URL) keeps every committed transaction when the
 * process dies right after the commit: with H2's own default write delay (500 ms) none of these survived.
 */
class DefaultDatabaseDurabilityTest {

    private static final int COMMITS = 20;

    @TempDir
    Path dir;

    @Test
    void everyCommitOfTheDefaultH2UrlSurvivesTheProcessDyingAtOnce() throws Exception {
        String yml = Files.readString(Path.of("../plugin/src/main/resources/application.yml"));
        Matcher url = Pattern.compile("TRAINFLOW_DB_URL:(jdbc:h2:file:\\./data/trainflow[^}]*)}")
                .matcher(yml);
        assertThat(url.find()).as("the default H2 URL in application.yml").isTrue();
        String here = url.group(1)
                .replace(
                        "./data/trainflow",
                        dir.resolve("trainflow").toAbsolutePath().toString());

        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CommitThenHalt.class.getName(),
                        here,
                        String.valueOf(COMMITS)))
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the child committed before dying").contains("committed");
        assertThat(child.exitValue()).isEqualTo(9);

        try (Connection c = DriverManager.getConnection(here, "sa", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM decisions")) {
            rs.next();
            assertThat(rs.getInt(1)).as("committed rows after the process died").isEqualTo(COMMITS);
        }
    }
}

package io.trainflow.plugin.cli;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import io.trainflow.plugin.connect.Connections;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code trainflow check-connections}: reads the server's configuration (application.yml, the
 * environment, {@code --trainflow.…=…} arguments) without starting the server, checks every
 * configured external system and prints one line per finding. Exit code 1 if anything is wrong.
 */
@Command(
        name = "check-connections",
        description =
                "Check the configured LMS and HCM: URL, credentials, OAuth consent,"
                        + " web-service functions, permissions, catalogue courses. Needs no running server; exit code 1 if anything is wrong.")
public class CheckConnectionsCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        return run(System.getenv()::get, System.out);
    }

    int run(Function<String, String> env, PrintStream out) {
        boolean allOk = true;
        try (Connections connections = new OfflineServerConfiguration(springArgs).connections(env)) {
            for (ConnectionCheck check : connections.checks()) {
                CheckResult result = check.check();
                allOk &= result.ok();
                for (Finding f : result.findings()) {
                    out.println(result.system() + "\t" + f.kind() + "\t" + f.check() + ": " + f.detail());
                }
            }
        } catch (Exception e) {
            out.println("configuration\tERROR\t" + e.getMessage());
            return 1;
        }
        return allOk ? 0 : 1;
    }
}

package io.trainflow.plugin.cli;

import io.trainflow.connectors.groups.JdbcGroups;
import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.connect.HcmPorts;
import io.trainflow.plugin.security.ApiKeyScope;
import io.trainflow.plugin.security.ApiKeys;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code trainflow api-key create --user <name> --scopes <a,b>}: the first API key, written straight into the server's
 * database (spring.datasource.*), for an installation with a real HCM and no identity provider, where nobody can sign
 * in to create one over REST. The key is printed once; only its hash is stored, and the creation is in the access
 * audit. The person must be known to the HCM (opened as the server would) or be in one of Trainflow's groups.
 */
@Command(
        name = "api-key",
        description =
                "API keys without a server: 'create' writes one into Trainflow's database" + " and prints it once.",
        subcommands = ApiKeyCommand.Create.class)
public class ApiKeyCommand {

    @Command(
            name = "create",
            description = "Create an API key acting as a person, with scopes (tasks:read, tasks:decide,"
                    + " requests:read, requests:write, admin), and print it once.")
    static class Create implements Callable<Integer> {

        @Option(names = "--user", required = true, description = "the person the key acts as")
        String user;

        @Option(names = "--scopes", required = true, split = ",", description = "comma-separated scopes")
        List<String> scopes;

        @Option(names = "--name", defaultValue = "cli", description = "what the key is for (default: ${DEFAULT-VALUE})")
        String name;

        @Option(names = "--expires-in-days", description = "optional; without it the key lasts until revoked")
        Integer expiresInDays;

        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            return run(System.getenv()::get, System.out);
        }

        int run(Function<String, String> env, PrintStream out) {
            HcmPorts.Opened hcm = null;
            try {
                var wanted = ApiKeyScope.parse(scopes, "--scopes");
                if (name.isBlank() || name.length() > 100) {
                    throw new TrainflowProblem.InvalidInput("--name", "1 to 100 characters");
                }
                if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > 3660)) {
                    throw new TrainflowProblem.InvalidInput("--expires-in-days", "a whole number of days, 1 to 3660");
                }
                OfflineServerConfiguration server = new OfflineServerConfiguration(springArgs);
                DataSource database = server.database();
                hcm = server.hcm(env);
                ApiKeys.requireKnownPerson(user, "--user", hcm.port(), new JdbcGroups(database)::groupsOf);
                Instant expiresAt = expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays));
                String createdBy = "cli:" + System.getProperty("user.name", "unknown");
                ApiKeys.Created created =
                        new ApiKeys(database, Clock.systemUTC()).create(name, user, wanted, expiresAt, createdBy);
                new AccessAudit(database)
                        .record(createdBy, "create-api-key", created.key().id());
                out.println("key\t" + created.secret()
                        + "\t(shown once: keep it now; send it as X-API-Key, or TRAINFLOW_API_KEY" + " for the CLI)");
                out.println("id\t" + created.key().id());
                out.println("user\t" + user);
                out.println("scopes\t" + wanted.stream().map(ApiKeyScope::value).collect(Collectors.joining(",")));
                out.println("expires\t"
                        + (expiresAt == null ? "never (revoke with DELETE /api/admin/api-keys/{id})" : expiresAt));
                return 0;
            } catch (TrainflowProblem.InvalidInput e) {
                out.println("api-key\tERROR\t"
                        + String.join(
                                "; ",
                                e.fields().entrySet().stream()
                                        .map(f -> f.getKey() + ": " + f.getValue())
                                        .toList()));
                return 2;
            } catch (Exception e) {
                out.println("api-key\tERROR\t" + e.getMessage());
                return 1;
            } finally {
                if (hcm != null) {
                    hcm.closeQuietly();
                }
            }
        }
    }
}

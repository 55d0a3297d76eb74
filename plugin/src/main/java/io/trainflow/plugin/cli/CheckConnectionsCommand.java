package io.trainflow.plugin.cli;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.plugin.config.TrainflowProperties;
import io.trainflow.plugin.connect.Connections;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code trainflow check-connections}: reads the server's configuration (application.yml, the
 * environment, {@code --trainflow.…=…} arguments) without starting the server, checks every
 * configured external system and prints one line per finding. Exit code 1 if anything is wrong.
 */
@Command(name = "check-connections", description = "Check the configured LMS and HCM: URL, token, web-service"
        + " functions, capabilities, catalogue courses. Needs no running server; exit code 1 if anything is wrong.")
public class CheckConnectionsCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new java.util.ArrayList<>();

    /** Only configuration binding: no web server, no database, no engine. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TrainflowProperties.class)
    static class ConfigurationOnly {
    }

    @Override
    public Integer call() {
        return run(System.getenv()::get, System.out);
    }

    int run(Function<String, String> env, PrintStream out) {
        TrainflowProperties properties;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConfigurationOnly.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(springArgs.toArray(String[]::new))) {
            properties = context.getBean(TrainflowProperties.class);
        }
        boolean allOk = true;
        try (Connections connections = Connections.open(properties.connections(), SampleOrganisation.fromClasspath(), env)) {
            for (ConnectionCheck check : connections.checks()) {
                CheckResult result = check.check();
                allOk &= result.ok();
                for (Finding f : result.findings()) {
                    out.println(result.system() + "\t" + f.kind() + "\t" + f.detail());
                }
            }
        } catch (Exception e) {
            out.println("configuration\tERROR\t" + e.getMessage());
            return 1;
        }
        return allOk ? 0 : 1;
    }
}

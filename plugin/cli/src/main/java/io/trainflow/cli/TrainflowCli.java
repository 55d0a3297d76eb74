package io.trainflow.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code bin/trainflow}: the REST commands run here, over plain HTTP, with no Spring context; the few commands that
 * need the server's own classes (lint, check-connections, hcm-consent, serve) are handed to the server jar.
 */
@Command(
        name = "trainflow",
        mixinStandardHelpOptions = true,
        version = "Trainflow 0.1",
        description = "Employee-training lifecycle as BPMN: work a running Trainflow over its REST API.",
        subcommands = {
            TrainflowCli.Serve.class,
            TrainflowCli.Lint.class,
            TrainflowCli.CheckConnections.class,
            TrainflowCli.HcmConsent.class,
            ApiCommands.Tasks.class,
            ApiCommands.Complete.class,
            ApiCommands.Request.class,
            ApiCommands.Campaign.class,
            ApiCommands.Status.class,
            ApiCommands.Advance.class,
            ApiCommands.TimeTravel.class,
            ApiCommands.IncidentList.class,
            ApiCommands.IncidentRetry.class,
            ApiCommands.Quiz.class,
            ApiCommands.QuizFiles.class
        })
public final class TrainflowCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The REST commands, for the server jar's own command line (one list, two front doors). */
    public static final List<Class<?>> API_COMMANDS = List.of(
            ApiCommands.Tasks.class,
            ApiCommands.Complete.class,
            ApiCommands.Request.class,
            ApiCommands.Campaign.class,
            ApiCommands.Status.class,
            ApiCommands.Advance.class,
            ApiCommands.TimeTravel.class,
            ApiCommands.IncidentList.class,
            ApiCommands.IncidentRetry.class,
            ApiCommands.Quiz.class,
            ApiCommands.QuizFiles.class);

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainflowCli()).execute(args));
    }

    /** A command whose work needs the server's classes: runs {@code java -jar trainflow.jar <name> <args>}. */
    abstract static class InServerJar implements Callable<Integer> {
        @Unmatched
        List<String> args = new java.util.ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return ServerJar.locate(System::getenv)
                    .run(getClass().getAnnotation(Command.class).name(), args);
        }
    }

    @Command(name = "serve", description = "Start Trainflow (same as java -jar trainflow.jar)")
    static class Serve extends InServerJar {}

    @Command(name = "lint", description = "Check a folder of BPMN, DMN and forms offline (runs in the server jar)")
    static class Lint extends InServerJar {}

    @Command(
            name = "check-connections",
            description = "Check the configured LMS and HCM: through the running server"
                    + " when one answers (admins), else here in the server jar; exit code 1 if anything is wrong")
    static class CheckConnections implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ApiClient api;

        @picocli.CommandLine.Option(names = "--offline", description = "run the checks here even if a server answers")
        boolean offline;

        @Unmatched
        List<String> args = new java.util.ArrayList<>();

        @Override
        public Integer call() throws Exception {
            // --trainflow.x=y settings are for a check run here; a server uses its own
            Integer viaServer = offline || !args.isEmpty() ? null : api.checkThroughServer();
            return viaServer != null
                    ? viaServer
                    : ServerJar.locate(System::getenv).run("check-connections", args);
        }
    }

    @Command(name = "hcm-consent", description = "Give Trainflow OAuth consent at OrangeHRM (runs in the server jar)")
    static class HcmConsent extends InServerJar {}
}

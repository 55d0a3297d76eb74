package io.trainflow.plugin.cli;

import io.trainflow.cli.TrainflowCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar trainflow.jar <command>}: lint offline, check connections, or work a running Trainflow over its
 * REST API (the REST commands are the thin CLI's, {@code bin/trainflow} runs them without this jar's start-up).
 */
@Command(
        name = "trainflow",
        mixinStandardHelpOptions = true,
        version = "Trainflow 0.1",
        description = "Employee-training lifecycle as BPMN. Without a command, java -jar trainflow.jar serves.",
        subcommands = {LintCommand.class, CheckConnectionsCommand.class, HcmConsentCommand.class, ApiKeyCommand.class})
public class TrainflowCommand {

    /** This jar's command line: its own commands and the thin CLI's REST commands. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new TrainflowCommand());
        TrainflowCli.API_COMMANDS.forEach(line::addSubcommand);
        return line;
    }
}

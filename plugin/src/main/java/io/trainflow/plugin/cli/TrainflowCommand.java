package io.trainflow.plugin.cli;

import picocli.CommandLine.Command;

/** {@code trainflow <command>}: lint offline, or work a running Trainflow over its REST API. */
@Command(name = "trainflow", mixinStandardHelpOptions = true, version = "Trainflow 0.1",
        description = "Employee-training lifecycle as BPMN. Without a command, java -jar trainflow.jar serves.",
        subcommands = {LintCommand.class, CheckConnectionsCommand.class, HcmConsentCommand.class, ApiCommands.Tasks.class, ApiCommands.Complete.class, ApiCommands.Request.class,
                ApiCommands.Campaign.class, ApiCommands.Status.class, ApiCommands.Advance.class, ApiCommands.TimeTravel.class,
                ApiCommands.IncidentList.class, ApiCommands.IncidentRetry.class,
                ApiCommands.Quiz.class, ApiCommands.QuizFiles.class})
public class TrainflowCommand {
}

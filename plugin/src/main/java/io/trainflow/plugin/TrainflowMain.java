package io.trainflow.plugin;

import io.trainflow.plugin.cli.TrainflowCommand;

/**
 * {@code java -jar trainflow.jar} serves; {@code java -jar trainflow.jar lint bpmn/} and the
 * other sub-commands run the CLI (see {@code trainflow --help}).
 */
public final class TrainflowMain {

    private TrainflowMain() {}

    public static void main(String[] args) {
        boolean help = args.length > 0
                && java.util.Set.of("--help", "-h", "--version", "-V").contains(args[0]);
        if (!help && (args.length == 0 || "serve".equals(args[0]) || args[0].startsWith("--"))) {
            String[] rest = args.length > 0 && "serve".equals(args[0])
                    ? java.util.Arrays.copyOfRange(args, 1, args.length)
                    : args;
            TrainflowApplication.main(rest);
            return;
        }
        System.exit(TrainflowCommand.commandLine().execute(args));
    }
}

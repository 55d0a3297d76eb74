package io.trainflow.plugin.cli;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import io.trainflow.workflows.lint.LintProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code trainflow lint bpmn/}: exit 0 when everything can run, 1 with one line per problem otherwise. */
@Command(name = "lint", description = "Check .bpmn/.dmn files: file, element id and reason for anything that cannot run.")
public class LintCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        HandlerRegistry handlers = new HandlerRegistry(
                StepHandlers.all(TrainflowPorts.sample(SampleOrganisation.fromClasspath(), Clock.systemUTC())));
        BpmnLinter linter = new BpmnLinter(handlers.types(), new Feel());
        List<LintProblem> problems = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(new LintProblem(path.toString(), null, "no such file or folder"));
            } else {
                problems.addAll(linter.lintPath(path));
            }
        }
        problems.forEach(p -> System.out.println(p));
        System.out.println(problems.isEmpty() ? "lint: no problems" : "lint: " + problems.size() + " problem(s)");
        return problems.isEmpty() ? 0 : 1;
    }
}

package io.trainflow.plugin.cli;

import io.trainflow.workflows.StepHandlers;
import io.trainflow.workflows.connector.rest.RestConnector;
import io.trainflow.workflows.engine.flowable.UserTaskDefaults;
import io.trainflow.workflows.engine.flowable.UserTaskListeners;
import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.lint.BpmnLinter;
import io.trainflow.workflows.lint.LintProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trainflow lint bpmn/}: exit 0 when everything can run, 1 with one line per problem otherwise;
 * notes (how something will run, e.g. who an unassigned task goes to) are printed and do not fail.
 */
@Command(
        name = "lint",
        description = "Check .bpmn/.dmn files: file, element id and reason for anything that cannot run.")
public class LintCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        String group = System.getenv("TRAINFLOW_UNASSIGNED_TASK_GROUP");
        // the app runs Camunda's REST connector beside the step handlers (no need to start its routes to lint)
        Set<String> types = new HashSet<>(StepHandlers.taskTypes());
        types.add(RestConnector.TYPE);
        BpmnLinter linter = new BpmnLinter(
                types,
                new Feel(),
                group == null || group.isBlank() ? UserTaskDefaults.DEFAULT_GROUP : group.strip(),
                UserTaskListeners.typesOf(StepHandlers.types()));
        List<LintProblem> problems = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(new LintProblem(path.toString(), null, "no such file or folder"));
            } else {
                problems.addAll(linter.lintPath(path));
            }
        }
        problems.forEach(p -> System.out.println(p));
        long refusing = problems.stream().filter(LintProblem::refuses).count();
        long notes = problems.size() - refusing;
        System.out.println((refusing == 0 ? "lint: no problems" : "lint: " + refusing + " problem(s)")
                + (notes == 0 ? "" : ", " + notes + " note(s)"));
        return refusing == 0 ? 0 : 1;
    }
}

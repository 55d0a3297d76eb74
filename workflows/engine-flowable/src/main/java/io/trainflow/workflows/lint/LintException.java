package io.trainflow.workflows.lint;

import java.util.List;
import java.util.stream.Collectors;
import org.flowable.common.engine.api.FlowableException;

/** A deployment refused by lint; nothing of it was stored. */
public class LintException extends FlowableException {

    private final transient List<LintProblem> problems;

    public LintException(List<LintProblem> problems) {
        super("Deployment refused, " + problems.size() + " problem(s):\n"
                + problems.stream().map(LintProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<LintProblem> problems() {
        return problems;
    }
}

package io.trainflow.workflows.forms;

import io.trainflow.workflows.problems.TrainflowProblem;
import java.util.Map;

/** A completion its form refuses: which task, and what is wrong with each field. Nothing was completed. */
public class TaskInputException extends TrainflowProblem.InvalidInput {

    private static final long serialVersionUID = 1L;

    private final String elementId;
    private final transient Map<String, String> problems;

    public TaskInputException(String elementId, String taskName, String formId, Map<String, String> problems) {
        super(
                "Task '" + taskName + "' (" + elementId + ", form '" + formId + "') was not completed: "
                        + String.join(
                                "; ",
                                problems.entrySet().stream()
                                        .map(p -> "field '" + p.getKey() + "' " + p.getValue())
                                        .toList()),
                problems);
        this.elementId = elementId;
        this.problems = Map.copyOf(problems);
    }

    public String elementId() {
        return elementId;
    }

    /** What is wrong, by field key. */
    public Map<String, String> problems() {
        return problems;
    }
}

package io.trainflow.workflows.engine;

import java.util.Map;

/**
 * The process variables could not be read as the step's input record, or broke one of its constraints. Retrying
 * cannot help (the same variables give the same answer): the engine adapter makes it an incident at once, naming
 * the BPMN element; {@link #fields()} names each wrong input.
 */
public class StepInputException extends RuntimeException {

    private final transient Map<String, String> fields;

    public StepInputException(String type, String reason, Throwable cause) {
        super("Input of task type '" + type + "' is not valid: " + reason, cause);
        this.fields = Map.of();
    }

    /** Inputs that broke their constraints: input name -> what is wrong. */
    public StepInputException(String type, Map<String, String> fields) {
        super(
                "Input of task type '" + type + "' is not valid: "
                        + String.join(
                                "; ",
                                fields.entrySet().stream()
                                        .map(f -> f.getKey() + " " + f.getValue())
                                        .toList()),
                null);
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}

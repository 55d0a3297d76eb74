package io.trainflow.workflows.engine;

/** The process variables could not be read as the step's input record. */
public class StepInputException extends RuntimeException {

    public StepInputException(String type, String reason, Throwable cause) {
        super("Input of task type '" + type + "' is not valid: " + reason, cause);
    }
}

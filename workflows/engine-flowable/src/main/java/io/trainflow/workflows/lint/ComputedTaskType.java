package io.trainflow.workflows.lint;

import io.trainflow.workflows.feel.Feel;
import java.util.Optional;

/**
 * A task type given as FEEL ({@code type="=..."}): Camunda 8 evaluates it as the task is reached, and so does
 * Trainflow. Lint can only check that it parses; the value names a handler at run time (a value no handler takes
 * leaves the step waiting, as a Zeebe job no worker takes).
 */
final class ComputedTaskType {

    static final String NOTE = "the task type is computed when the task is reached: each value it can take needs a"
            + " handler, or the step waits for one";

    private ComputedTaskType() {}

    static boolean isComputed(String type) {
        return Feel.isExpression(type);
    }

    /** Why the expression cannot be a task type; empty when it parses. */
    static Optional<String> problem(String type, Feel feel) {
        return feel.parseError(Feel.expressionOf(type))
                .map(error -> "task type '" + type + "' is not valid FEEL: " + error);
    }
}
